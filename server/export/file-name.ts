/**
 * File names are made by the server from the title and the date: letters, digits, dots, dashes
 * and underscores only, so no request can choose a directory, a hidden file or a device name.
 */
const MAX_STEM = 80;

export function exportFileName(title: string | undefined, date: Date, ext: string): string {
  const stem = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[-._]+$/g, '');
  const day = date.toISOString().slice(0, 10);
  return `${stem || 'scamnet-export'}-${day}.${ext}`;
}

/** The Content-Disposition value for a name made by exportFileName (plain ASCII, nothing to quote). */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
