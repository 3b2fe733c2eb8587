use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{get_certificate, verify_certificate};
use crate::components::guard::guarded_with;
use crate::i18n::{format_date, t, text, translate, I18n, Lang};
use crate::model::{CertificatePrint, CertificateRow, VerifiedCertificate};
use crate::pages::volunteer::hours_text;

/// The facts of a certificate in one language (one half of the bilingual page).
fn side(lang: Lang, row: &CertificateRow) -> impl IntoView {
    let i18n = I18n { lang, digits: crate::i18n::use_i18n().digits };
    let f = &row.facts;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| format_date(lang, d)).unwrap_or_default();
    let span = i18n.t_args("certificate-span", &[("from", text(date(f.first_day))), ("to", text(date(f.last_day)))]);
    let scope = match (f.scope.as_str(), f.organizations.first()) {
        ("organization", Some(o)) => i18n.t_args("certificate-scope-organization", &[("org", text(o.get(lang)))]),
        ("period", _) => {
            i18n.t_args("certificate-scope-period", &[("from", text(date(f.from))), ("to", text(date(f.to)))])
        }
        _ => i18n.t("certificate-scope-all"),
    };
    let organizations: Vec<String> = f.organizations.iter().map(|o| o.get(lang).to_string()).collect();
    // The name in this half's script where the profile has it; the account's name otherwise.
    let name = match lang {
        Lang::Ar => f.name_ar.clone(),
        Lang::En => f.name_latin.clone(),
    }
    .unwrap_or_else(|| f.name.clone());
    let gender = f.gender.clone().unwrap_or_else(|| "other".into());
    view! {
        <div class="certificate-side" lang=lang.code() dir=lang.dir()>
            <h2>{i18n.t("certificate-heading")}</h2>
            <p class="certificate-statement">
                {i18n.t_args("certificate-statement", &[
                    ("name", text(name)),
                    ("gender", text(gender)),
                    ("hours", text(hours_text(i18n, f.minutes))),
                ])}
            </p>
            <dl class="facts">
                <dt>{i18n.t("certificate-scope")}</dt><dd>{scope}</dd>
                <dt>{i18n.t("certificate-organizations")}</dt><dd>{organizations.join(lang_separator(lang))}</dd>
                <dt>{i18n.t("certificate-dates")}</dt><dd>{span}</dd>
                <dt>{i18n.t("certificate-tier")}</dt>
                <dd>{f.tier.as_ref().map_or_else(|| i18n.t("certificate-no-tier"), |t| t.get(lang).to_string())}</dd>
                <dt>{i18n.t("certificate-qualifications")}</dt>
                <dd>
                    {if f.qualifications.is_empty() {
                        i18n.t("certificate-no-qualifications")
                    } else {
                        f.qualifications.iter().map(|q| match q.expires_at {
                            Some(until) => i18n.t_args(
                                "certificate-qualification-until",
                                &[("name", text(q.name.get(lang))), ("date", text(format_date(lang, crate::clock::date(until))))],
                            ),
                            None => q.name.get(lang).to_string(),
                        }).collect::<Vec<_>>().join(lang_separator(lang))
                    }}
                </dd>
                <dt>{i18n.t("certificate-issued")}</dt>
                <dd>{format_date(lang, crate::clock::date(row.issued_at))}</dd>
            </dl>
        </div>
    }
}

/// How a list is joined in running text: the Arabic comma in Arabic.
pub fn lang_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "، ",
        Lang::En => ", ",
    }
}

/// Both languages side by side (stacked on a phone): Arabic first.
#[component]
pub fn CertificateBody(row: CertificateRow) -> impl IntoView {
    view! {
        <div class="certificate-body">
            {side(Lang::Ar, &row)}
            {side(Lang::En, &row)}
        </div>
    }
}

/// `/me/certificates/<id>`: a certificate of mine, ready to print on A4 (both languages on one
/// page) with the QR code of its verification address.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    view! {
        <Title text=t("certificate-title")/>
        {guarded_with(id, get_certificate, |c| view! { <Printable print=c/> })}
    }
}

#[component]
fn Printable(print: CertificatePrint) -> impl IntoView {
    let CertificatePrint { row, code, url, qr_svg } = print;
    let superseded = row.status == "superseded";
    view! {
        <section class="panel" data-testid="certificate">
            <p class="no-print"><a href="/me">{t("nav-me")}</a></p>
            <p class="lead no-print">{t("certificate-print-hint")}</p>
            <p class="no-print"><button type="button" class="button" data-print="" data-testid="certificate-print">{t("certificate-print")}</button></p>
            {superseded.then(|| view! { <p class="notice warning" role="status" data-testid="certificate-superseded">{t("certificate-superseded")}</p> })}
            <article class="certificate">
                <p class="certificate-brand">
                    <span lang="ar">{translate(Lang::Ar, "app-name")}</span>" · "<span lang="en" dir="ltr">{translate(Lang::En, "app-name")}</span>
                </p>
                <CertificateBody row/>
                <div class="certificate-verify">
                    <div class="qr" role="img" aria-label=t("certificate-qr") inner_html=qr_svg></div>
                    <p>
                        <span lang="ar" dir="rtl">{translate(Lang::Ar, "certificate-verify")}</span>" / "
                        <span lang="en" dir="ltr">{translate(Lang::En, "certificate-verify")}</span><br/>
                        <a href=url.clone() dir="ltr" data-testid="certificate-link">{url.clone()}</a><br/>
                        <code dir="ltr" data-testid="certificate-code">{code}</code>
                    </p>
                </div>
            </article>
        </section>
    }
}

/// `/verify/<code>`: public. What the certificate states and whether it still stands; a code the
/// server did not sign says so.
#[component]
pub fn VerifyCertificatePage() -> impl IntoView {
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    view! {
        <Title text=t("verify-certificate-title")/>
        {guarded_with(code, verify_certificate, |v| view! { <Verified verified=v/> })}
    }
}

#[component]
fn Verified(verified: VerifiedCertificate) -> impl IntoView {
    let (class, message) = match verified.status.as_str() {
        "valid" => ("notice success", "verify-certificate-valid"),
        "superseded" => ("notice warning", "verify-certificate-superseded"),
        _ => ("notice error", "verify-certificate-invalid"),
    };
    view! {
        <section class="panel" data-testid="verify-certificate">
            <h1>{t("verify-certificate-title")}</h1>
            <p class=class role="status" data-testid="verify-status" data-status=verified.status.clone()>{t(message)}</p>
            {verified.certificate.map(|row| view! { <CertificateBody row/> })}
        </section>
    }
}
