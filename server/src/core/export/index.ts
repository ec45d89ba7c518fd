export { toCsv } from './csv';
export { toDigest } from './digest';
export { type ExportItem, exportItems } from './items';
export { toICalendar } from './ics';
