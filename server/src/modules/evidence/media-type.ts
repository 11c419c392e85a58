/**
 * The type of an evidence file, told from its first bytes — never from the
 * client's declared MIME type or file name, which say what the sender claims.
 */
import { fileTypeFromBuffer } from 'file-type';

export const unknownMediaType = 'application/octet-stream';

export async function detectMediaType(head: Buffer): Promise<string> {
  // A damaged container may make the detector throw; it then is simply of unknown type.
  const detected = await fileTypeFromBuffer(head).catch(() => undefined);
  if (detected) return detected.mime;
  return looksLikeText(head) ? 'text/plain' : unknownMediaType;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what marks binary data.
const binaryControl = /[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F\u007F]/;

/** UTF-8 text (chat exports, notes): valid UTF-8 without control characters. */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  try {
    // `stream: true` lets a character cut at the end of the sample pass.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return !binaryControl.test(text);
  } catch {
    return false;
  }
}

/** Types a browser may show inline; anything else is only offered as a download. */
export function showsInline(mediaType: string): boolean {
  return (
    /^(image|video|audio)\//.test(mediaType) || mediaType === 'application/pdf' || mediaType === 'text/plain'
  );
}
