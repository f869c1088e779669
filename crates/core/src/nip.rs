//! NIP (Nomor Induk Pegawai): the 18-digit civil-servant number printed on the ID card as
//! `YYYYMMDD YYYYMM G NNN` — birth date, appointment (TMT CPNS) year and month, gender
//! digit (1 male, 2 female), serial number.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;
use time::{Date, Month};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NipError {
    #[error("NIP wajib diisi.")]
    Empty,
    #[error("NIP hanya boleh berisi angka dan spasi.")]
    NotDigits,
    #[error("NIP harus 18 angka (sekarang {0}).")]
    WrongLength(usize),
    #[error("Delapan angka pertama NIP harus tanggal lahir yang benar (TTTTBBHH).")]
    BadBirthDate,
    #[error("Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan yang benar.")]
    BadAppointment,
    #[error("Angka ke-15 NIP (jenis kelamin) harus 1 atau 2.")]
    BadGender,
}

impl NipError {
    /// Stable code the client can translate.
    pub fn code(&self) -> &'static str {
        match self {
            NipError::Empty => "nip_empty",
            NipError::NotDigits => "nip_not_digits",
            NipError::WrongLength(_) => "nip_length",
            NipError::BadBirthDate => "nip_birth_date",
            NipError::BadAppointment => "nip_appointment",
            NipError::BadGender => "nip_gender",
        }
    }
}

/// A validated NIP, stored as its 18 digits without spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

impl Nip {
    pub fn parse(input: &str) -> Result<Nip, NipError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(NipError::Empty);
        }
        if !trimmed.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            return Err(NipError::NotDigits);
        }
        let digits: String = trimmed.chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.len() != 18 {
            return Err(NipError::WrongLength(digits.len()));
        }
        let num = |range: std::ops::Range<usize>| -> u32 {
            digits[range].parse().unwrap_or(0) // all ASCII digits, checked above
        };
        let birth_year = num(0..4) as i32;
        let birth = Month::try_from(num(4..6) as u8)
            .ok()
            .and_then(|m| Date::from_calendar_date(birth_year, m, num(6..8) as u8).ok())
            .filter(|_| (1940..=2015).contains(&birth_year))
            .ok_or(NipError::BadBirthDate)?;
        let appointed_year = num(8..12) as i32;
        let appointed_month = num(12..14);
        // Appointment comes at least 17 years after birth (minimum CPNS age is 18).
        if !(1..=12).contains(&appointed_month)
            || appointed_year < birth.year() + 17
            || appointed_year > 2100
        {
            return Err(NipError::BadAppointment);
        }
        if !matches!(&digits[14..15], "1" | "2") {
            return Err(NipError::BadGender);
        }
        Ok(Nip(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As printed on the card: `19850312 201001 1 004`.
    pub fn display_grouped(&self) -> String {
        let d = &self.0;
        format!("{} {} {} {}", &d[0..8], &d[8..14], &d[14..15], &d[15..18])
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Nip {
    type Error = NipError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Nip::parse(&value)
    }
}

impl From<Nip> for String {
    fn from(nip: Nip) -> String {
        nip.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_valid_nip_with_spaces_as_printed() {
        let nip = Nip::parse(" 19850312 201001 1 004 ").unwrap();
        assert_eq!(nip.as_str(), "198503122010011004");
        assert_eq!(nip.display_grouped(), "19850312 201001 1 004");
    }

    #[test]
    fn rejects_bad_nips_with_the_reason() {
        assert_eq!(Nip::parse(""), Err(NipError::Empty));
        assert_eq!(Nip::parse("1985-0312"), Err(NipError::NotDigits));
        assert_eq!(
            Nip::parse("19850312201001100"),
            Err(NipError::WrongLength(17))
        );
        // 31 February
        assert_eq!(
            Nip::parse("198502312010011004"),
            Err(NipError::BadBirthDate)
        );
        // month 13 of appointment
        assert_eq!(
            Nip::parse("198503122010131004"),
            Err(NipError::BadAppointment)
        );
        // appointed at age 5
        assert_eq!(
            Nip::parse("198503121990011004"),
            Err(NipError::BadAppointment)
        );
        assert_eq!(Nip::parse("198503122010013004"), Err(NipError::BadGender));
    }

    #[test]
    fn leap_day_birth_dates_are_valid_only_in_leap_years() {
        assert!(Nip::parse("198802292010012001").is_ok());
        assert_eq!(
            Nip::parse("198702292010012001"),
            Err(NipError::BadBirthDate)
        );
    }
}
