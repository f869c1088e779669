//! Who is calling and what they may do: one extractor per kind of access, so a handler's
//! signature says who may call it and the check cannot be forgotten.
//!
//! - [`AuthSession`](super::extract::AuthSession): any live session (401 otherwise).
//! - [`Caller`]: the session's account with its roles and scope.
//! - [`RequireRole<R>`]: a caller holding role `R` (an admin holds every role); 403
//!   `forbidden` otherwise. [`RequireAdmin`] is `RequireRole<Admin>`.
//! - Unit-scoped handlers take `RequireRole<UnitAdmin>` and call [`Caller::can_manage`]
//!   (through [`Caller::check_scope`]) for every unit they touch.

use crate::http::error::Error;
use crate::http::extract::AuthSession;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use resapi_core::role::{Role, Scope};
use std::marker::PhantomData;
use uuid::Uuid;

/// The account behind a live session, with what it may manage.
#[derive(Debug, Clone)]
pub struct Caller {
    pub account_id: Uuid,
    pub unit_id: String,
    pub roles: Vec<Role>,
    pub scope: Scope,
}

impl Caller {
    /// Holds `role` (admins hold every role).
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role) || self.roles.contains(&Role::Admin)
    }

    /// Whether the unit is in the caller's scope.
    pub fn can_manage(&self, unit_id: &str) -> bool {
        self.scope.contains(unit_id)
    }

    /// [`Caller::can_manage`] as a 403 `forbidden`.
    pub fn check_scope(&self, unit_id: &str) -> Result<(), Error> {
        if self.can_manage(unit_id) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    pub fn is_admin(&self) -> bool {
        self.roles.contains(&Role::Admin)
    }

    /// The top of the units a request works on: the unit asked for (`?unit=`, which must
    /// be in scope), else the caller's own unit, or for an admin everything (None).
    pub fn subtree_root(&self, asked: Option<&str>) -> Result<Option<String>, Error> {
        Ok(match asked.map(str::trim).filter(|u| !u.is_empty()) {
            Some(unit) => {
                self.check_scope(unit)?;
                Some(unit.to_owned())
            }
            None if self.is_admin() => None,
            None => Some(self.unit_id.clone()),
        })
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let session = AuthSession::from_request_parts(parts, state).await?;
        Caller::of_session(state, &session).await
    }
}

impl Caller {
    /// The account of a live session, with its roles and scope.
    pub async fn of_session(state: &AppState, session: &AuthSession) -> Result<Caller, Error> {
        let store = &state.store;
        let row = store
            .account_by_id(session.account_id)
            .await?
            .ok_or(Error::Unauthorized)?;
        let roles = store.roles(session.account_id).await?;
        // The tree is read only when a scope depends on it (a unit admin).
        let tree = if roles.contains(&Role::UnitAdmin) && !roles.contains(&Role::Admin) {
            store.unit_tree().await?
        } else {
            Vec::new()
        };
        let scope = Scope::of(&roles, &row.unit_id, &tree);
        Ok(Caller {
            account_id: session.account_id,
            unit_id: row.unit_id,
            roles,
            scope,
        })
    }

    /// Runs live quizzes: trainers and above (a unit admin or an admin need not also be
    /// made a trainer).
    pub fn may_host(&self) -> bool {
        [Role::Trainer, Role::UnitAdmin, Role::Admin]
            .iter()
            .any(|r| self.roles.contains(r))
    }
}

/// A role as a type, for [`RequireRole`].
pub trait RoleMarker {
    const ROLE: Role;
}

pub struct Trainer;
pub struct UnitAdmin;
pub struct Admin;

impl RoleMarker for Trainer {
    const ROLE: Role = Role::Trainer;
}
impl RoleMarker for UnitAdmin {
    const ROLE: Role = Role::UnitAdmin;
}
impl RoleMarker for Admin {
    const ROLE: Role = Role::Admin;
}

/// A caller holding role `R`; 401 without a live session, 403 `forbidden` without the role.
pub struct RequireRole<R>(pub Caller, pub PhantomData<R>);

pub type RequireAdmin = RequireRole<Admin>;

impl<R: RoleMarker> FromRequestParts<AppState> for RequireRole<R> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let caller = Caller::from_request_parts(parts, state).await?;
        if caller.has(R::ROLE) {
            Ok(RequireRole(caller, PhantomData))
        } else {
            Err(Error::Forbidden)
        }
    }
}

/// A caller who may run live quizzes ([`Caller::may_host`]); 401 without a live session,
/// 403 `forbidden` for an employee.
pub struct RequireHost(pub Caller);

impl FromRequestParts<AppState> for RequireHost {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let caller = Caller::from_request_parts(parts, state).await?;
        if caller.may_host() {
            Ok(RequireHost(caller))
        } else {
            Err(Error::Forbidden)
        }
    }
}
