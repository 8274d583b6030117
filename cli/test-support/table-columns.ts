// The table's columns as the README documents them: influx's, with Status before the long Permissions column.
export const TABLE_COLUMNS = ['ID', 'Description', 'Token', 'User Name', 'User ID', 'Status', 'Permissions'];
