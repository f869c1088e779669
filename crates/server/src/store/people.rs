//! People as the admin console sees them: search within a scope, change of unit, roles.

use super::{AccountRow, Backend, Result, Store, StoreError, on_pool};
use resapi_core::api::{Account, Role};
use uuid::Uuid;

/// What a people search matches: NIP digits from the start, or part of the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeopleQuery {
    All,
    NipPrefix(String),
    NameContains(String),
}

impl PeopleQuery {
    /// Digits (spaces allowed, as NIPs are printed) search the NIP; anything else the name.
    pub fn parse(q: &str) -> PeopleQuery {
        let q = q.trim();
        let digits: String = q.chars().filter(|c| !c.is_whitespace()).collect();
        if q.is_empty() {
            PeopleQuery::All
        } else if digits.bytes().all(|b| b.is_ascii_digit()) {
            PeopleQuery::NipPrefix(digits)
        } else {
            PeopleQuery::NameContains(q.to_lowercase())
        }
    }

    /// The LIKE pattern (`\` escapes the wildcards a person may type).
    fn pattern(&self) -> String {
        let escape = |s: &str| {
            s.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        };
        match self {
            PeopleQuery::All => "%".into(),
            PeopleQuery::NipPrefix(d) => format!("{}%", escape(d)),
            PeopleQuery::NameContains(n) => format!("%{}%", escape(n)),
        }
    }
}

impl Store {
    /// One page (1-based) of the people under `root` (None: everyone) matching `query`,
    /// ordered by name, and how many match in all. Released accounts are not listed.
    pub async fn search_people(
        &self,
        root: Option<&str>,
        query: &PeopleQuery,
        page: u32,
        per_page: u32,
    ) -> Result<(Vec<Account>, i64)> {
        on_pool!(&self.pool, pool => {
            let (nip_like, name_like) = match query {
                PeopleQuery::NameContains(_) => ("%".to_owned(), query.pattern()),
                _ => (query.pattern(), "%".to_owned()),
            };
            let everything = i64::from(root.is_none());
            let root = root.unwrap_or("");
            // The scope: unit $1 and every unit under it, or everything when $4 = 1.
            let total: i64 = sqlx::query_scalar(
                "WITH RECURSIVE scope(id) AS (SELECT id FROM units WHERE id = $1 \
                 UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id) \
                 SELECT COUNT(*) FROM accounts a \
                 WHERE ($4 = 1 OR a.unit_id IN (SELECT id FROM scope)) \
                 AND a.nip LIKE $2 ESCAPE '\\' AND LOWER(a.name) LIKE $3 ESCAPE '\\' \
                 AND a.nip NOT LIKE 'released:%'",
            )
            .bind(root)
            .bind(&nip_like)
            .bind(&name_like)
            .bind(everything)
            .fetch_one(pool)
            .await?;
            let rows: Vec<AccountRow> = sqlx::query_as(
                "WITH RECURSIVE scope(id) AS (SELECT id FROM units WHERE id = $1 \
                 UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id) \
                 SELECT a.id, a.nip, a.name, a.unit_id, '' AS password_hash FROM accounts a \
                 WHERE ($4 = 1 OR a.unit_id IN (SELECT id FROM scope)) \
                 AND a.nip LIKE $2 ESCAPE '\\' AND LOWER(a.name) LIKE $3 ESCAPE '\\' \
                 AND a.nip NOT LIKE 'released:%' \
                 ORDER BY a.name, a.id LIMIT $5 OFFSET $6",
            )
            .bind(root)
            .bind(&nip_like)
            .bind(&name_like)
            .bind(everything)
            .bind(i64::from(per_page))
            .bind(i64::from(page.saturating_sub(1)) * i64::from(per_page))
            .fetch_all(pool)
            .await?;
            let mut people = Vec::with_capacity(rows.len());
            for row in &rows {
                people.push(self.public_account(row).await?);
            }
            Ok((people, total))
        })
    }

    /// Moves a person to another active unit (their records stay theirs).
    pub async fn set_person_unit(&self, id: Uuid, unit_id: &str) -> Result<()> {
        on_pool!(&self.pool, pool => {
            if !self.unit_is_active(unit_id).await? {
                return Err(StoreError::NoSuchUnit);
            }
            let done = sqlx::query("UPDATE accounts SET unit_id = $1 WHERE id = $2")
                .bind(unit_id)
                .bind(id.to_string())
                .execute(pool)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NoSuchAccount);
            }
            self.facts_changed().await;
            Ok(())
        })
    }

    /// Takes a role away. `LastAdmin` when it is the admin role of the only admin: the
    /// agency would be left with nobody able to grant it again (only the command line).
    pub async fn revoke_role(&self, id: Uuid, role: Role) -> Result<()> {
        on_pool!(&self.pool, pool => {
            let mut tx = pool.begin_with(<Db as Backend>::BEGIN_WRITE).await?;
            if role == Role::Admin {
                let admins: Vec<(String,)> =
                    sqlx::query_as("SELECT account_id FROM account_roles WHERE role = 'admin'")
                        .fetch_all(&mut *tx)
                        .await?;
                let this = id.to_string();
                if admins.len() <= 1 && admins.iter().any(|(a,)| *a == this) {
                    return Err(StoreError::LastAdmin);
                }
            }
            sqlx::query("DELETE FROM account_roles WHERE account_id = $1 AND role = $2")
                .bind(id.to_string())
                .bind(role.as_str())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}
