//! The local store on IndexedDB: the only place pages read and write. Each file holds one
//! kind of data; `db` holds the schema.

pub mod attention;
pub mod by_id;
pub mod competitions;
pub mod content;
pub mod db;
pub mod erase;
pub mod guarded;
pub mod journal;
pub mod live_answers;
pub mod outbox;
pub mod practice_session;
pub mod questionnaires;
pub mod recognitions;
pub mod results;
pub mod session;

pub use db::{Result, StoreError};

use std::rc::Rc;

/// A handle on the open database, cheap to clone.
#[derive(Clone)]
pub struct Store {
    db: Rc<rexie::Rexie>,
}

impl Store {
    pub async fn open() -> Result<Store> {
        Store::open_named(db::DB_NAME).await
    }

    pub async fn open_named(name: &str) -> Result<Store> {
        Ok(Store {
            db: Rc::new(db::open_named(name).await?),
        })
    }

    /// The raw database, for store modules and tests.
    pub fn db(&self) -> &rexie::Rexie {
        &self.db
    }
}
