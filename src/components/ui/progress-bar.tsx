// Determinate progress with its numbers in words ("31 of 50"), for assistive technology and the eye.
import './progress-bar.css';

const number = new Intl.NumberFormat('en-US');

export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max === 0 ? 100 : Math.round((value / max) * 100);
  const text = `${number.format(value)} of ${number.format(max)}`;
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">{text}</span>
    </div>
  );
}
