// Export's work, loaded on demand (when the person points at or focuses Export): the tokens as a CSV or JSON file.
import type { Authorization } from '../../../../core/influx-types';
import { exportFileName, tokensToCsv, tokensToJson } from '../model/export-tokens';
import { downloadText } from './download-file';

/** Saves the tokens as a file; returns its name. */
export function saveTokensFile(tokens: Authorization[], orgName: string, format: 'csv' | 'json'): string {
  const text = format === 'csv' ? tokensToCsv(tokens) : tokensToJson(tokens);
  const fileName = exportFileName(orgName, format);
  downloadText(text, fileName, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
  return fileName;
}
