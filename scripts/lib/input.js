/**
 * Reading a report's text for the CLI: a file path (or `-` for stdin), refused with a
 * message when it is missing, a directory, too large, empty, binary or not UTF-8. The size
 * is checked before reading, so a wrong 2 GB file is not loaded into memory.
 */
const fs = require('node:fs');

class InputError extends Error {}

function readStdin(maxBytes) {
  const chunks = [];
  let total = 0;
  const buffer = Buffer.alloc(65536);
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if (error.code === 'EAGAIN') continue;
      if (error.code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) return { tooLarge: total };
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return { bytes: Buffer.concat(chunks) };
}

/** The file's text, or throws InputError naming the problem. */
function readReportText(file, tools) {
  const max = tools.MAX_FILE_BYTES;
  let bytes;
  if (file === '-') {
    const read = readStdin(max);
    if (read.tooLarge) throw new InputError(`stdin: more than the ${tools.formatBytes(max)} allowed`);
    bytes = read.bytes;
  } else {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch (error) {
      throw new InputError(error.code === 'ENOENT' ? `${file}: no such file` : `${file}: ${error.message}`);
    }
    if (stat.isDirectory()) throw new InputError(`${file}: is a directory, not a text file`);
    if (stat.size > max) {
      throw new InputError(`${file}: ${tools.formatBytes(stat.size)}, more than the ${tools.formatBytes(max)} allowed; split the text`);
    }
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw new InputError(`${file}: ${error.message}`);
    }
  }
  const decoded = tools.decodeText(bytes, max);
  if ('problem' in decoded) throw new InputError(`${file === '-' ? 'stdin' : file}: ${decoded.problem}`);
  return decoded.text;
}

module.exports = { readReportText, InputError };
