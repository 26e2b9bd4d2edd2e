//! `GET /console/{slug}`: totals and charts of issued, claimed, viewed and verified
//! credentials per day (last 30 days) and per week (last 26 weeks).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cairn_core::model::{Activity, DayActivity};
use cairn_core::service::stats;

use super::chart::{self, Chart};
use crate::ui::console::{ConsoleOrg, OrgTabs};
use crate::ui::i18n::Tr;
use crate::ui::{render, Nav, OrPage, PageError};
use crate::AppState;

/// `issue/dashboard.html`.
#[derive(Template)]
#[template(path = "ui/issue/dashboard.html")]
struct DashboardPage {
    nav: Nav,
    tabs: OrgTabs,
    totals: Activity,
    charts: Vec<Chart>,
}

fn names(t: Tr) -> [String; 4] {
    ["issue-dash-issued", "issue-dash-claimed", "issue-dash-viewed", "issue-dash-verified"].map(|k| t.t(k))
}

fn summary(t: Tr, key: &str, data: &[DayActivity]) -> String {
    let mut sum = Activity::default();
    data.iter().for_each(|d| sum.add(&d.counts));
    let counts = [sum.issued, sum.claimed, sum.viewed, sum.verified];
    let parts: Vec<String> = names(t).iter().zip(counts).map(|(name, n)| format!("{name}: {n}")).collect();
    format!("{} {}.", t.t(key), parts.join(", "))
}

/// `GET /console/{slug}`.
pub async fn view_dashboard(State(app): State<AppState>, console: ConsoleOrg) -> Result<Response, PageError> {
    let t = console.me.t;
    let board = stats::dashboard(&app.ctx, console.org.id).await.or_page(t)?;
    let iso = |d: &DayActivity| super::iso_day(d.day.midnight().assume_utc());
    let days = chart::build(
        "days",
        t.t("issue-dash-days"),
        summary(t, "issue-dash-days-desc", &board.days),
        &board.days,
        names(t),
        iso,
        7,
    );
    let weeks = chart::build(
        "weeks",
        t.t("issue-dash-weeks"),
        summary(t, "issue-dash-weeks-desc", &board.weeks),
        &board.weeks,
        names(t),
        iso,
        5,
    );
    let page = DashboardPage {
        nav: console.nav(),
        tabs: console.tabs("dashboard"),
        totals: board.totals,
        charts: vec![days, weeks],
    };
    render(&page).or_page(t)
}
