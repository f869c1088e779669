//! The console's interface strings, Indonesian first and English second. Only the console's
//! binary uses them, so they never ship to phones; the strings both entries show are in
//! [`Shared`] (reached through `Deref`).

use crate::i18n::{self as shared, Shared};
use resapi_core::Lang;
use resapi_core::api::Role;

pub struct ConsoleTr {
    pub shared: &'static Shared,
    pub product: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_dashboard: &'static str,
    pub no_access_title: &'static str,
    pub no_access: &'static str,
    pub signed_in_as: &'static str,
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub not_for_you_title: &'static str,
    pub not_for_you: &'static str,
    pub open_phone_app: &'static str,
    pub home_roles: &'static str,
    pub home_intro: &'static str,
    pub own_practice: &'static str,
}

impl std::ops::Deref for ConsoleTr {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        self.shared
    }
}

pub static ID: ConsoleTr = ConsoleTr {
    shared: &shared::ID,
    product: "Konsol",
    nav_label: "Menu konsol",
    nav_home: "Beranda",
    nav_dashboard: "Dasbor unit",
    no_access_title: "Anda tidak punya akses ke layar ini",
    no_access: "Layar ini untuk peran lain. Pilih layar dari menu, atau minta admin memberi peran yang diperlukan.",
    signed_in_as: "Masuk sebagai",
    login_title: "Masuk ke konsol Resapi",
    login_intro: "Untuk pelatih dan admin unit, di laptop. Masuk dengan akun Resapi yang sama seperti di ponsel.",
    not_for_you_title: "Konsol ini untuk pelatih dan admin unit",
    not_for_you: "Akun Anda adalah akun pegawai. Latihan, kuesioner, dan kemajuan Anda ada di aplikasi Resapi. Jika Anda pelatih atau admin unit, minta admin memberi peran itu ke akun Anda.",
    open_phone_app: "Buka aplikasi Resapi",
    home_roles: "Peran Anda",
    home_intro: "Menu di samping berisi layar yang dibuka oleh peran Anda.",
    own_practice: "Untuk latihan Anda sendiri, buka aplikasi Resapi",
};

pub static EN: ConsoleTr = ConsoleTr {
    shared: &shared::EN,
    product: "Console",
    nav_label: "Console menu",
    nav_home: "Home",
    nav_dashboard: "Unit dashboard",
    no_access_title: "You do not have access to this screen",
    no_access: "This screen is for another role. Pick a screen from the menu, or ask an admin for the role it needs.",
    signed_in_as: "Signed in as",
    login_title: "Log in to the Resapi console",
    login_intro: "For trainers and unit admins, on a laptop. Log in with the same Resapi account as on your phone.",
    not_for_you_title: "This console is for trainers and unit admins",
    not_for_you: "Your account is an employee account. Your practice, questionnaires and progress are in the Resapi app. If you are a trainer or unit admin, ask an admin to give your account that role.",
    open_phone_app: "Open the Resapi app",
    home_roles: "Your roles",
    home_intro: "The menu lists the screens your roles open.",
    own_practice: "For your own practice, open the Resapi app",
};

pub fn tr(lang: Lang) -> &'static ConsoleTr {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

pub fn hello(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Id => format!("Selamat datang, {name}"),
        Lang::En => format!("Welcome, {name}"),
    }
}

pub fn role_name(lang: Lang, role: Role) -> &'static str {
    match (lang, role) {
        (Lang::Id, Role::Employee) => "Pegawai",
        (Lang::En, Role::Employee) => "Employee",
        (Lang::Id, Role::Trainer) => "Pelatih",
        (Lang::En, Role::Trainer) => "Trainer",
        (Lang::Id, Role::UnitAdmin) => "Admin unit",
        (Lang::En, Role::UnitAdmin) => "Unit admin",
        (Lang::Id, Role::Admin) => "Admin",
        (Lang::En, Role::Admin) => "Admin",
    }
}
