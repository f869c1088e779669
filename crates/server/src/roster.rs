//! The agency roster: who may register. NIPs are printed on decrees and ID cards, so knowing
//! one proves nothing; when the agency loads its staff list (`resapi-server import-roster`),
//! only NIPs on it can open an account, and the account gets the roster's unit. With no
//! roster (a pilot, a demo) registration is open to any valid NIP.
//!
//! The file is CSV with a header row naming the columns NIP, name and unit (in any order;
//! `nama` and `unit kerja` are accepted too). Spreadsheets in an Indonesian locale save CSV
//! with `;`, so the header's separator is used for the whole file. Storing it is
//! `store/roster.rs`.

use resapi_core::admin::{RosterProblem, RosterReport, RosterRow, RosterRowStatus};
use resapi_core::api::MAX_NAME_CHARS;
use resapi_core::nip::Nip;
use std::collections::{HashMap, HashSet};

/// One person on the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    /// The 18 digits.
    pub nip: String,
    pub name: String,
    pub unit_id: String,
}

/// A problem with one line of the file (1-based, as a spreadsheet or editor shows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A row of the file (CSV record or spreadsheet row) with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Splits CSV text (RFC 4180: quoted fields may hold the separator, `""` and line breaks)
/// into records, skipping blank lines. Errors only for a quote left open at the end.
fn split_csv(text: &str, separator: char) -> Result<Vec<Record>, RowError> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();
    let end_record = |fields: &mut Vec<String>, field: &mut String, records: &mut Vec<_>, at| {
        fields.push(std::mem::take(field));
        let fields = std::mem::take(fields);
        if !(fields.len() == 1 && fields[0].trim().is_empty()) {
            records.push(Record { line: at, fields });
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            '\n' | '\r' if quoted => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            '\r' => {}
            '\n' => {
                end_record(&mut fields, &mut field, &mut records, record_line);
                line += 1;
                record_line = line;
            }
            c if c == separator && !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if quoted {
        return Err(RowError {
            line: record_line,
            message: "a quoted field is never closed (missing `\"`)".into(),
        });
    }
    end_record(&mut fields, &mut field, &mut records, record_line);
    Ok(records)
}

struct Columns {
    nip: usize,
    name: usize,
    unit: usize,
    count: usize,
}

fn columns(header: &Record) -> Result<Columns, RowError> {
    let find = |names: &[&str]| {
        header.fields.iter().position(|f| {
            let f = f.trim().to_lowercase();
            names.iter().any(|n| f == *n)
        })
    };
    let nip = find(&["nip"]);
    let name = find(&["name", "nama"]);
    let unit = find(&["unit", "unit_id", "unit kerja"]);
    match (nip, name, unit) {
        (Some(nip), Some(name), Some(unit)) => Ok(Columns {
            nip,
            name,
            unit,
            count: header.fields.len(),
        }),
        _ => Err(RowError {
            line: header.line,
            message: format!(
                "the header row must name the columns NIP, name and unit (found: {})",
                header.fields.join(", ")
            ),
        }),
    }
}

/// Reads and checks a whole roster file: every row is checked and every problem reported,
/// so one run shows the operator all there is to fix. `units` are the known unit ids.
pub fn parse(text: &str, units: &HashSet<String>) -> Result<Vec<RosterEntry>, Vec<RowError>> {
    into_entries(check(&read_csv(text).map_err(|e| vec![e])?, units).map_err(|e| vec![e])?)
}

/// The people of a checked file, or every row's problems: a file is imported whole or not
/// at all.
pub fn into_entries(rows: Vec<CheckedRow>) -> Result<Vec<RosterEntry>, Vec<RowError>> {
    let mut entries = Vec::with_capacity(rows.len());
    let mut errors = Vec::new();
    for row in rows {
        match row.entry {
            Ok(entry) => entries.push(entry),
            Err(problems) => errors.push(RowError {
                line: row.line,
                message: problems.join("; "),
            }),
        }
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

pub fn read_csv(text: &str) -> Result<Vec<Record>, RowError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let separator = if first_line.contains(';') && !first_line.contains(',') {
        ';'
    } else {
        ','
    };
    split_csv(text, separator)
}

/// The verdict on one data row: the entry, or what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRow {
    pub line: usize,
    pub entry: Result<RosterEntry, Vec<String>>,
}

/// Checks every data row of `records` (the first is the header). `Err` only for what
/// makes the whole file unreadable: no header, a header without the three columns, no rows.
pub fn check(records: &[Record], units: &HashSet<String>) -> Result<Vec<CheckedRow>, RowError> {
    // A row with nothing in it is a blank line or a formatted but empty spreadsheet row.
    let records: Vec<&Record> = records
        .iter()
        .filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()))
        .collect();
    let Some((header, rows)) = records.split_first() else {
        return Err(RowError {
            line: 1,
            message: "the file is empty (expected a header row: NIP, name, unit)".into(),
        });
    };
    let cols = columns(header)?;
    if rows.is_empty() {
        return Err(RowError {
            line: header.line,
            message: "no people after the header row".into(),
        });
    }
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    Ok(rows
        .iter()
        .map(|row| {
            let entry =
                check_row(row, &cols, units).and_then(|entry| match first_seen.get(&entry.nip) {
                    Some(first) => Err(vec![format!(
                        "NIP {} is already on line {first}",
                        entry.nip
                    )]),
                    None => {
                        first_seen.insert(entry.nip.clone(), row.line);
                        Ok(entry)
                    }
                });
            CheckedRow {
                line: row.line,
                entry,
            }
        })
        .collect())
}

fn check_row(
    row: &Record,
    cols: &Columns,
    units: &HashSet<String>,
) -> Result<RosterEntry, Vec<String>> {
    if row.fields.len() != cols.count {
        return Err(vec![format!(
            "{} columns, expected {} as in the header",
            row.fields.len(),
            cols.count
        )]);
    }
    let mut problems = Vec::new();
    let raw_nip = row.fields[cols.nip].trim();
    let nip = match Nip::parse(raw_nip) {
        Ok(nip) => Some(nip.as_str().to_owned()),
        Err(e) => {
            // A spreadsheet that stored the NIP as a number shows it as 1.98503E+17.
            let hint = if raw_nip.contains(['E', 'e', '.']) {
                " (format the NIP column as text in the spreadsheet)"
            } else {
                ""
            };
            problems.push(format!("NIP `{raw_nip}`: {e} ({}){hint}", e.code()));
            None
        }
    };
    let name = row.fields[cols.name].trim();
    let name_chars = name.chars().count();
    if name_chars < 2 {
        problems.push("the name is empty".into());
    } else if name_chars > MAX_NAME_CHARS {
        problems.push(format!("the name is longer than {MAX_NAME_CHARS} letters"));
    }
    let unit = row.fields[cols.unit].trim();
    if !units.contains(unit) {
        problems.push(format!("unknown unit `{unit}` (use an id from units.toml)"));
    }
    match nip {
        Some(nip) if problems.is_empty() => Ok(RosterEntry {
            nip,
            name: name.to_owned(),
            unit_id: unit.to_owned(),
        }),
        _ => Err(problems),
    }
}

/// The outcome of every row of a checked file against the roster as it is (`current`),
/// for an import into the units for which `in_scope` holds: a row naming another unit, or
/// a NIP on the roster of another unit, is an error; people on the roster of those units
/// but not in the file are `removed`. `problems` holds every error with its line.
pub fn plan(
    checked: Vec<CheckedRow>,
    current: &[RosterEntry],
    in_scope: impl Fn(&str) -> bool,
) -> (Vec<RosterEntry>, RosterReport) {
    let by_nip: HashMap<&str, &RosterEntry> = current.iter().map(|e| (e.nip.as_str(), e)).collect();
    let mut entries = Vec::new();
    let mut rows = Vec::with_capacity(checked.len());
    let mut problems = Vec::new();
    for row in checked {
        let verdict = row.entry.and_then(|entry| {
            if !in_scope(&entry.unit_id) {
                return Err(vec![format!(
                    "unit `{}` is outside the units this import replaces",
                    entry.unit_id
                )]);
            }
            match by_nip.get(entry.nip.as_str()) {
                Some(old) if !in_scope(&old.unit_id) => Err(vec![format!(
                    "NIP {} is on the roster of unit `{}`, outside the units this import replaces",
                    entry.nip, old.unit_id
                )]),
                Some(old) if old.name == entry.name && old.unit_id == entry.unit_id => {
                    Ok((entry, RosterRowStatus::Same))
                }
                Some(_) => Ok((entry, RosterRowStatus::Change)),
                None => Ok((entry, RosterRowStatus::Add)),
            }
        });
        rows.push(match verdict {
            Ok((entry, status)) => {
                let row = RosterRow {
                    line: row.line,
                    status,
                    nip: Some(entry.nip.clone()),
                    name: Some(entry.name.clone()),
                    unit_id: Some(entry.unit_id.clone()),
                    errors: Vec::new(),
                };
                entries.push(entry);
                row
            }
            Err(errors) => {
                problems.push(RosterProblem {
                    line: row.line,
                    message: errors.join("; "),
                });
                RosterRow {
                    line: row.line,
                    status: RosterRowStatus::Error,
                    nip: None,
                    name: None,
                    unit_id: None,
                    errors,
                }
            }
        });
    }
    let in_file: HashSet<&str> = entries.iter().map(|e| e.nip.as_str()).collect();
    let removed = current
        .iter()
        .filter(|e| in_scope(&e.unit_id) && !in_file.contains(e.nip.as_str()))
        .count();
    let count = |status| rows.iter().filter(|r| r.status == status).count();
    let report = RosterReport {
        imported: false,
        unit_id: None,
        added: count(RosterRowStatus::Add),
        changed: count(RosterRowStatus::Change),
        unchanged: count(RosterRowStatus::Same),
        removed,
        rows,
        problems,
    };
    (entries, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> HashSet<String> {
        ["bkn", "bkn-deputi-sinka"].map(String::from).into()
    }

    #[test]
    fn a_clean_file_reads_with_spaced_nips_quotes_and_any_column_order() {
        let text = "\u{feff}Nama,NIP,Unit\r\n\
                    \"Siti Rahma, S.H.\",19850312 201001 2 001,bkn\r\n\
                    \r\n\
                    \"Budi \"\"Bob\"\" Santoso\",198503122010011002,bkn-deputi-sinka\r\n";
        let entries = parse(text, &units()).unwrap();
        assert_eq!(
            entries,
            vec![
                RosterEntry {
                    nip: "198503122010012001".into(),
                    name: "Siti Rahma, S.H.".into(),
                    unit_id: "bkn".into(),
                },
                RosterEntry {
                    nip: "198503122010011002".into(),
                    name: "Budi \"Bob\" Santoso".into(),
                    unit_id: "bkn-deputi-sinka".into(),
                },
            ]
        );
        // A semicolon file, as Excel saves it in an Indonesian locale.
        let text = "NIP;Nama;Unit Kerja\n19850312 201001 2 001;Siti Rahma;bkn\n";
        assert_eq!(parse(text, &units()).unwrap().len(), 1);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let text = "nip,name,unit\n\
                    19850312 201001 2 001,Siti,bkn\n\
                    1.98503E+17,Budi,bkn\n\
                    19850312 201001 1 003,,nowhere\n\
                    \"Dewi\nmultiline\",x\n\
                    19850312201001 2 001,Siti lagi,bkn\n\
                    19850312 201001 1 004,Ahmad,bkn,extra\n";
        let errors = parse(text, &units()).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 7, 8], "{errors:#?}");
        assert!(errors[0].message.contains("as text"), "{}", errors[0]);
        assert!(errors[1].message.contains("name is empty"));
        assert!(errors[1].message.contains("unknown unit `nowhere`"));
        assert!(errors[2].message.contains("2 columns"));
        assert!(errors[3].message.contains("already on line 2"));
        assert!(errors[4].message.contains("4 columns"));
    }

    #[test]
    fn a_file_without_the_right_header_or_rows_is_refused() {
        for (text, needle) in [
            ("", "empty"),
            ("nip,name\n19850312 201001 2 001,Siti\n", "header row"),
            ("nip,name,unit\n", "no people"),
            ("nip,name,unit\n\"19850312,Siti,bkn\n", "never closed"),
        ] {
            let errors = parse(text, &units()).unwrap_err();
            assert_eq!(errors.len(), 1);
            assert!(
                errors[0].message.contains(needle),
                "{text:?}: {}",
                errors[0]
            );
        }
    }
}
