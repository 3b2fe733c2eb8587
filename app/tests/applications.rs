//! Opportunities and applications against real databases (each test once on SQLite and once on
//! PostgreSQL): the seat count under concurrency, the overlap rule, the rules checked when
//! applying, the state machine, and organization scoping.

use std::sync::Arc;

use app::backend::entities::{application, shift, user};
use app::backend::{services, testing::TestDb};
use app::model::{AppError, Email, FullName, Password};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use services::applications::{self, Decision};
use services::opportunities::{self, OpportunityInput, ShiftInput};
use services::profiles::ProfileInput;

const SITE: &str = "https://tam.example";

async fn person(t: &TestDb, mail: &str, born: &str, gender: &str) -> user::Model {
    let u = services::accounts::register(
        &t.db,
        &FullName::parse("Volunteer").unwrap(),
        &Email::parse(mail).unwrap(),
        &Password::parse("a long enough password").unwrap(),
        false,
    )
    .await
    .unwrap();
    let p = ProfileInput { birth_date: born.into(), gender: gender.into(), ..Default::default() }
        .parse_with(services::today(), false)
        .unwrap();
    services::profiles::save(&t.db, u.id, &p).await.unwrap();
    u
}

fn input() -> OpportunityInput {
    OpportunityInput {
        title_ar: "توزيع السلال الغذائية".into(),
        cause: "relief".into(),
        municipality: "doha".into(),
        place: "مستودع الجمعية، الدوحة".into(),
        min_age: "16".into(),
        required_skills: vec!["driving".into()],
        preferred_skills: vec!["driving".into(), "first-aid".into()],
        ..Default::default()
    }
}

/// A published opportunity of a new organization with one shift per `(hours from now, length)`.
async fn published(
    t: &TestDb,
    slug: &str,
    capacity: i32,
    shifts: &[(i64, i64)],
    tweak: impl Fn(&mut OpportunityInput),
) -> (i32, i32, Vec<shift::Model>) {
    let org = services::organizations::create(&t.db, slug, "جهة", slug).await.unwrap();
    let c = services::accounts::register(
        &t.db,
        &FullName::parse("Coordinator").unwrap(),
        &Email::parse(&format!("c@{slug}.qa")).unwrap(),
        &Password::parse("a long enough password").unwrap(),
        false,
    )
    .await
    .unwrap();
    let mut i = input();
    tweak(&mut i);
    let details = i.parse().unwrap();
    let now = services::now();
    let times: Vec<(DateTime<Utc>, DateTime<Utc>, i32)> = shifts
        .iter()
        .map(|(from, hours)| (now + Duration::hours(*from), now + Duration::hours(from + hours), capacity))
        .collect();
    let o = opportunities::create(&t.db, org.id, c.id, &details, &times).await.unwrap();
    opportunities::set_status(&t.db, org.id, o.id, opportunities::PUBLISHED).await.unwrap();
    let mut rows = shift::Entity::find().filter(shift::Column::OpportunityId.eq(o.id)).all(&t.db).await.unwrap();
    rows.sort_by_key(|s| s.starts_at);
    (org.id, c.id, rows)
}

fn message(e: AppError) -> String {
    match e {
        AppError::Validation(list) => list[0].message.clone(),
        other => format!("{other:?}"),
    }
}

#[test]
fn an_opportunity_and_its_shifts_are_checked_field_by_field() {
    let d = input().parse().unwrap();
    assert_eq!((d.required_skills, d.preferred_skills), (vec!["driving".to_string()], vec!["first-aid".to_string()]));
    let bad = OpportunityInput { title_ar: "".into(), cause: "casino".into(), min_age: "٩".into(), ..input() };
    let AppError::Validation(e) = bad.parse().unwrap_err() else { panic!() };
    let fields: Vec<(&str, &str)> = e.iter().map(|f| (f.field.as_str(), f.message.as_str())).collect();
    assert_eq!(
        fields,
        [("title_ar", "err-title-required"), ("cause", "err-choice-unknown"), ("min_age", "err-number-range")]
    );
    // Shifts are typed in Qatar's time; a weekly series is made in one step.
    let at = "2026-11-30T00:00:00Z".parse().unwrap();
    let series = ShiftInput {
        starts: "2026-12-05T08:00".into(),
        ends: "2026-12-05T12:00".into(),
        capacity: "١٦".into(),
        weeks: "8".into(),
    }
    .parse(at)
    .unwrap();
    assert_eq!(series.len(), 8);
    assert_eq!(series[0].0.to_rfc3339(), "2026-12-05T05:00:00+00:00");
    assert_eq!(series[7].0 - series[0].0, Duration::weeks(7));
    assert_eq!(series[0].2, 16);
    let past = ShiftInput {
        starts: "2026-11-01T08:00".into(),
        ends: "2026-11-01T07:00".into(),
        capacity: "0".into(),
        weeks: "".into(),
    };
    let AppError::Validation(e) = past.parse(at).unwrap_err() else { panic!() };
    let fields: Vec<&str> = e.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(fields, ["err-number-range", "err-shift-past", "err-shift-ends"]);
}

// 40 volunteers apply to a 5-seat shift; 10 coordinators' approvals race: exactly 5 are approved,
// the others are told the shift is full, and no "database is locked" error reaches anyone.
app::db_test!(a_seat_is_never_given_twice, |t: TestDb| async move {
    let (org, coordinator, shifts) = published(&t, "relief", 5, &[(72, 4)], |_| {}).await;
    let mut ids = Vec::new();
    for i in 0..40 {
        let v = person(&t, &format!("v{i}@example.qa"), "1995-01-01", "female").await;
        ids.push(applications::apply(&t.db, v.id, shifts[0].id, "", services::now()).await.unwrap().id);
    }
    let db = Arc::new(t.db.clone());
    let mut tasks = Vec::new();
    for id in ids {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            applications::decide(&db, org, coordinator, id, Decision::Approve, SITE, None).await.map(|_| ())
        }));
    }
    let mut approved = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(()) => approved += 1,
            Err(e) => assert_eq!(message(e), "err-shift-full"),
        }
    }
    assert_eq!(approved, 5);
    let s = shift::Entity::find_by_id(shifts[0].id).one(&t.db).await.unwrap().unwrap();
    assert_eq!(s.taken, 5);
    let rows = application::Entity::find()
        .filter(application::Column::Status.eq(applications::APPROVED))
        .all(&t.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 5);
    // A withdrawal gives the seat back.
    applications::withdraw(&t.db, rows[0].user_id, rows[0].id, "", services::now()).await.unwrap();
    assert_eq!(shift::Entity::find_by_id(shifts[0].id).one(&t.db).await.unwrap().unwrap().taken, 4);
});

// Two approved shifts of one volunteer may not overlap; back to back is fine. The refusal names
// the other shift.
app::db_test!(approved_shifts_never_overlap, |t: TestDb| async move {
    let (org, c, shifts) = published(&t, "events", 10, &[(48, 4), (50, 4), (52, 3)], |_| {}).await;
    let v = person(&t, "sara@example.qa", "1995-01-01", "female").await;
    let mut apps = Vec::new();
    for s in &shifts {
        apps.push(applications::apply(&t.db, v.id, s.id, "أحب المساعدة", services::now()).await.unwrap().id);
    }
    applications::decide(&t.db, org, c, apps[0], Decision::Approve, SITE, None).await.unwrap();
    let e = applications::decide(&t.db, org, c, apps[1], Decision::Approve, SITE, None).await.unwrap_err();
    let AppError::Validation(list) = e else { panic!() };
    assert_eq!(list[0].message, "err-shift-clash");
    assert!(list[0].args.iter().any(|(k, v)| k == "shift" && v.contains("توزيع السلال الغذائية")), "{:?}", list[0].args);
    // The refused approval gave its seat back.
    assert_eq!(shift::Entity::find_by_id(shifts[1].id).one(&t.db).await.unwrap().unwrap().taken, 0);
    // 48h+4h ends exactly when 52h starts: back to back is not a clash.
    applications::decide(&t.db, org, c, apps[2], Decision::Approve, SITE, None).await.unwrap();
});

// What is checked when applying: the minimum age (at the shift's date), the gender rule, a
// minor's guardian consent, the sign-up cut-off, a closed or draft opportunity, applying twice.
app::db_test!(the_rules_of_applying, |t: TestDb| async move {
    let (_, _, women_only) = published(&t, "women", 5, &[(72, 2)], |i| i.gender_rule = "women".into()).await;
    let (_, _, adults) = published(&t, "adults", 5, &[(72, 2)], |i| i.min_age = "21".into()).await;
    let (_, _, soon) = published(&t, "soon", 5, &[(10, 2)], |i| i.signup_cutoff_hours = "12".into()).await;
    let man = person(&t, "omar@example.qa", "1990-01-01", "male").await;
    let young = person(&t, "noor@example.qa", "2006-01-01", "female").await;
    let at = services::now();
    assert_eq!(
        message(applications::apply(&t.db, man.id, women_only[0].id, "", at).await.unwrap_err()),
        "err-gender-rule"
    );
    assert_eq!(message(applications::apply(&t.db, young.id, adults[0].id, "", at).await.unwrap_err()), "err-too-young");
    assert_eq!(message(applications::apply(&t.db, man.id, soon[0].id, "", at).await.unwrap_err()), "err-signup-closed");
    applications::apply(&t.db, young.id, women_only[0].id, "", at).await.unwrap();
    assert_eq!(
        message(applications::apply(&t.db, young.id, women_only[0].id, "", at).await.unwrap_err()),
        "err-already-applied"
    );
    // A minor without the guardian's consent.
    let sixteen = (services::today() - Duration::days(365 * 16 + 30)).to_string();
    let minor = person(&t, "minor@example.qa", &sixteen, "female").await;
    assert_eq!(
        message(applications::apply(&t.db, minor.id, women_only[0].id, "", at).await.unwrap_err()),
        "err-guardian-consent-needed"
    );
});

// The state machine: a withdrawn application cannot be approved; a decided one is not decided
// again; a rejection needs a reason; a coordinator of another organization finds nothing.
app::db_test!(decisions_follow_the_state_and_the_organization, |t: TestDb| async move {
    let (org, c, shifts) = published(&t, "org-a", 5, &[(72, 2)], |_| {}).await;
    let (org_b, c_b, _) = published(&t, "org-b", 5, &[(72, 2)], |_| {}).await;
    let v = person(&t, "sara@example.qa", "1995-01-01", "female").await;
    let a = applications::apply(&t.db, v.id, shifts[0].id, "", services::now()).await.unwrap();
    assert_eq!(
        applications::decide(&t.db, org_b, c_b, a.id, Decision::Approve, SITE, None).await.unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(
        message(applications::decide(&t.db, org, c, a.id, Decision::Reject(" ".into()), SITE, None).await.unwrap_err()),
        "err-reason-required"
    );
    applications::withdraw(&t.db, v.id, a.id, "", services::now()).await.unwrap();
    assert_eq!(
        message(applications::decide(&t.db, org, c, a.id, Decision::Approve, SITE, None).await.unwrap_err()),
        "err-already-decided"
    );
    assert_eq!(shift::Entity::find_by_id(shifts[0].id).one(&t.db).await.unwrap().unwrap().taken, 0);
    // Applying again after withdrawing starts afresh; waitlisted, then approved.
    let again = applications::apply(&t.db, v.id, shifts[0].id, "", services::now()).await.unwrap();
    assert_eq!(again.id, a.id);
    applications::decide(&t.db, org, c, a.id, Decision::Waitlist, SITE, None).await.unwrap();
    let approved = applications::decide(&t.db, org, c, a.id, Decision::Approve, SITE, None).await.unwrap();
    assert_eq!((approved.status.as_str(), approved.decided_by), (applications::APPROVED, Some(c)));
    // Each decision is mailed to the volunteer, in their language, with the opportunity named.
    let mail = services::mail::to(&t.db, "sara@example.qa").await.unwrap();
    let kinds: Vec<&str> = mail.iter().map(|m| m.kind.as_str()).collect();
    assert_eq!(kinds, ["application-waitlisted", "application-approved"]);
    assert!(mail[1].body_text.contains("توزيع السلال الغذائية"), "{}", mail[1].body_text);
    assert!(mail[1].body_text.contains("https://tam.example/me"), "{}", mail[1].body_text);
    assert_eq!(
        message(
            applications::decide(&t.db, org, c, a.id, Decision::Reject("late".into()), SITE, None).await.unwrap_err()
        ),
        "err-already-decided"
    );
    // Another organization's coordinator cannot publish or close this one's opportunity either.
    assert_eq!(
        opportunities::set_status(&t.db, org_b, shifts[0].opportunity_id, opportunities::CLOSED).await.unwrap_err(),
        AppError::NotFound
    );
    let row = services::audit::of(&t.db, v.id).await.unwrap().into_iter().next().unwrap();
    assert_eq!((row.kind.as_str(), row.actor_id), ("application-decided", Some(c)));
});

// Discovery lists the soonest first, by each opportunity's next shift, whatever order they were
// created in; filters narrow it.
app::db_test!(discovery_lists_the_soonest_first, |t: TestDb| async move {
    let (_, _, later) = published(&t, "later", 5, &[(100, 2)], |i| i.title_ar = "لاحقًا".into()).await;
    let (_, _, sooner) = published(&t, "sooner", 5, &[(50, 2), (200, 2)], |i| {
        i.title_ar = "قريبًا".into();
        i.cause = "health".into();
    })
    .await;
    let all = opportunities::discover(&t.db, &opportunities::Discovery::default(), services::now()).await.unwrap().0;
    let order: Vec<i32> = all.iter().map(|c| c.opportunity.id).collect();
    assert_eq!(order, [sooner[0].opportunity_id, later[0].opportunity_id]);
    assert_eq!((all[0].shifts, all[0].capacity), (2, 10));
    let health = opportunities::Discovery { cause: Some("health".into()), ..Default::default() };
    let found = opportunities::discover(&t.db, &health, services::now()).await.unwrap().0;
    assert_eq!(found.len(), 1);
    let words = opportunities::Discovery { words: "لاحقا".into(), ..Default::default() };
    assert_eq!(opportunities::discover(&t.db, &words, services::now()).await.unwrap().0.len(), 1);
});
