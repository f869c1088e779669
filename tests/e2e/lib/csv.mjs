// Reads the dashboard's CSV (RFC 4180, UTF-8 with a BOM): sections separated by an empty
// line, each a title line, a header row and rows. Numbers stay text; the caller converts.

/** Records of an RFC 4180 text (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || record.length) records.push([...record, field]);
  return records;
}

/** `[{title, rows}]`: the file's sections, `rows[0]` the header. */
export function csvSections(bytes) {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const sections = [];
  let current = null;
  for (const record of parseCsv(text)) {
    if (record.length === 1 && record[0] === "") {
      current = null;
    } else if (!current) {
      current = { title: record[0], rows: [] };
      sections.push(current);
    } else current.rows.push(record);
  }
  return sections;
}
