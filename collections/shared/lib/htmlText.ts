/** The text of stored HTML on one line: tags out, the common entities as spaces, runs of space as one. */
export const htmlToText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
