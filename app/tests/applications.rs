//! Opportunities and applications against real databases (each test once on SQLite and once on
//! PostgreSQL): the seat count under concurrency, the overlap rule, the rules checked when
//! applying, the state machine, and organization scoping.

use std::sync::Arc;

use app::backend::entities::{application, shift, user, volunteer_profile};
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
    // Its hours are Doha's (a shift 48 h from now at UTC+3), not the database's UTC.
    let doha = crate_i18n_range(shifts[0].starts_at, shifts[0].ends_at);
    assert!(list[0].args.iter().any(|(k, v)| k == "shift" && v.contains(&doha)), "{doha} in {:?}", list[0].args);
    // 48h+4h ends exactly when 52h starts: back to back is not a clash.
    applications::decide(&t.db, org, c, apps[2], Decision::Approve, SITE, None).await.unwrap();
    // Applying to a shift at the same time as an approved one is refused at once, naming it.
    let (_, _, same_time) = published(&t, "same-time", 5, &[(49, 2)], |_| {}).await;
    let e = applications::apply(&t.db, v.id, same_time[0].id, "", services::now()).await.unwrap_err();
    let AppError::Validation(list) = e else { panic!() };
    assert_eq!(list[0].message, "err-apply-clash");
    assert!(list[0].args.iter().any(|(k, v)| k == "shift" && v.contains(&doha)), "{:?}", list[0].args);
});

/// A shift's hours as every page writes them (Arabic, Doha time).
fn crate_i18n_range(start: chrono::DateTime<chrono::Utc>, end: chrono::DateTime<chrono::Utc>) -> String {
    app::i18n::format_range(app::i18n::Lang::Ar, start, end)
}

// The withdrawal cut-off an opportunity advertises holds: before it an approved place is given
// back; after it the volunteer is refused (and told to tell the organization), and the place stays.
app::db_test!(withdrawing_closes_at_the_cut_off, |t: TestDb| async move {
    let (org, c, shifts) = published(&t, "cutoff", 5, &[(48, 4)], |i| i.withdraw_cutoff_hours = "24".into()).await;
    let v = person(&t, "cutoff@example.qa", "1995-01-01", "female").await;
    let a = applications::apply(&t.db, v.id, shifts[0].id, "", services::now()).await.unwrap();
    applications::decide(&t.db, org, c, a.id, Decision::Approve, SITE, None).await.unwrap();
    let mine = applications::mine(&t.db, v.id).await.unwrap();
    assert_eq!(mine[0].withdraw_closes_at, shifts[0].starts_at - Duration::hours(24));
    // Two minutes before the start, and a minute after the cut-off: refused, nothing changed.
    for at in [shifts[0].starts_at - Duration::minutes(2), mine[0].withdraw_closes_at + Duration::minutes(1)] {
        let e = applications::withdraw(&t.db, v.id, a.id, SITE, at).await.unwrap_err();
        let AppError::Validation(list) = e else { panic!("{e:?}") };
        assert_eq!(list[0].message, "err-withdraw-closed");
    }
    assert_eq!(shift::Entity::find_by_id(shifts[0].id).one(&t.db).await.unwrap().unwrap().taken, 1);
    assert_eq!(applications::mine(&t.db, v.id).await.unwrap()[0].status, applications::APPROVED);
    // A minute before the cut-off: withdrawn, the seat back.
    applications::withdraw(&t.db, v.id, a.id, SITE, mine[0].withdraw_closes_at - Duration::minutes(1)).await.unwrap();
    assert_eq!(shift::Entity::find_by_id(shifts[0].id).one(&t.db).await.unwrap().unwrap().taken, 0);
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

// Words find what contains them, whichever way they are looked up (SQLite's trigram index for
// three letters or more, the text itself for shorter ones and on PostgreSQL): inside a word, in
// either script, every word required, typed with quotes or wildcards, and a changed title at once.
app::db_test!(words_find_what_contains_them, |t: TestDb| async move {
    use opportunities::{discover, Discovery};
    let (org, _, beach) = published(&t, "beach", 5, &[(48, 2)], |i| {
        i.title_en = "Beach clean-up at Al Wakrah".into();
        i.title_ar = "تنظيف الشاطئ في الوكرة".into();
    })
    .await;
    let (_, _, food) = published(&t, "food", 5, &[(50, 2)], |i| {
        i.title_en = "Food baskets \"100%\" for families".into();
        i.title_ar = "توزيع السلال الغذائية".into();
    })
    .await;
    let find = |words: &str| {
        let f = Discovery { words: words.into(), ..Default::default() };
        let db = t.db.clone();
        async move {
            let mut ids: Vec<i32> =
                discover(&db, &f, services::now()).await.unwrap().0.iter().map(|c| c.opportunity.id).collect();
            ids.sort();
            ids
        }
    };
    let (b, f) = (beach[0].opportunity_id, food[0].opportunity_id);
    assert_eq!(find("each").await, [b], "inside a word");
    assert_eq!(find("BEACH wakrah").await, [b], "every word, any case");
    assert_eq!(find("beach baskets").await, Vec::<i32>::new(), "both words required");
    assert_eq!(find("السلال").await, [f]);
    assert_eq!(find("الغذائيه").await, [f], "taa marbuta read as haa, as typed on phones");
    assert_eq!(find("al").await, [b], "two letters: found as part of the text");
    assert_eq!(find("\"100%\"").await, [f], "quotes and wildcards are letters");
    assert_eq!(find("10_").await, Vec::<i32>::new(), "an underscore is not a wildcard");
    assert_eq!(find("a").await, [b, f]);
    // A new title is found by its words at once, the old words no longer.
    let mut i = input();
    i.title_en = "Mangrove planting".into();
    i.title_ar = "زراعة القرم".into();
    opportunities::update_details(&t.db, org, b, &i.parse().unwrap()).await.unwrap();
    assert_eq!(find("mangrove").await, [b]);
    assert_eq!(find("beach").await, Vec::<i32>::new());
});

fn status_of(rows: &[application::Model], id: i32) -> &str {
    rows.iter().find(|a| a.id == id).map(|a| a.status.as_str()).unwrap()
}

// A freed seat goes to the first on the waitlist, held until a deadline (a clock the test moves):
// confirmed in time it is theirs; not confirmed, it passes to the next; nobody left, it returns
// to the shift. A coordinator's cancellation frees a seat the same way.
app::db_test!(a_freed_seat_is_offered_down_the_waitlist, |t: TestDb| async move {
    let (org, c, shifts) = published(&t, "offers", 1, &[(96, 3)], |_| {}).await;
    let s = shifts[0].id;
    let at = services::now();
    let mut ids = Vec::new();
    let mut people = Vec::new();
    for name in ["first", "second", "third", "fourth"] {
        let v = person(&t, &format!("{name}@example.qa"), "1995-01-01", "female").await;
        ids.push(applications::apply(&t.db, v.id, s, "", at).await.unwrap().id);
        people.push(v);
    }
    applications::decide(&t.db, org, c, ids[0], Decision::Approve, SITE, None).await.unwrap();
    for id in &ids[1..] {
        applications::decide(&t.db, org, c, *id, Decision::Waitlist, SITE, None).await.unwrap();
    }
    let taken = |t: &TestDb| {
        let db = t.db.clone();
        async move { shift::Entity::find_by_id(s).one(&db).await.unwrap().unwrap().taken }
    };
    // The approved volunteer withdraws: the seat stays taken, held for the second.
    applications::withdraw(&t.db, people[0].id, ids[0], SITE, at).await.unwrap();
    assert_eq!(taken(&t).await, 1);
    let second = application::Entity::find_by_id(ids[1]).one(&t.db).await.unwrap().unwrap();
    let deadline = second.offer_expires_at.expect("an offer");
    assert_eq!(deadline, at + Duration::hours(applications::OFFER_HOURS));
    let mail = services::mail::to(&t.db, "second@example.qa").await.unwrap();
    assert_eq!(mail.last().unwrap().kind, "offer");
    // Nothing lapses before the deadline; after it, the third is offered the seat.
    assert_eq!(applications::expire_offers(&t.db, SITE, deadline - Duration::minutes(1)).await.unwrap(), 0);
    assert_eq!(
        message(applications::confirm_offer(&t.db, people[1].id, ids[1], deadline).await.unwrap_err()),
        "err-offer-expired"
    );
    assert_eq!(applications::expire_offers(&t.db, SITE, deadline).await.unwrap(), 1);
    assert_eq!(applications::expire_offers(&t.db, SITE, deadline).await.unwrap(), 0, "an offer lapses once");
    let rows = application::Entity::find().all(&t.db).await.unwrap();
    assert_eq!(status_of(&rows, ids[1]), applications::EXPIRED);
    let third = rows.iter().find(|a| a.id == ids[2]).unwrap();
    assert!(third.offer_expires_at.is_some());
    // Only the one offered may confirm; the third does, in time.
    assert_eq!(
        message(applications::confirm_offer(&t.db, people[3].id, ids[3], deadline).await.unwrap_err()),
        "err-no-offer"
    );
    applications::confirm_offer(&t.db, people[2].id, ids[2], deadline + Duration::hours(1)).await.unwrap();
    assert_eq!(taken(&t).await, 1);
    // The coordinator cancels the third's place (with a reason): the fourth is offered it, and
    // declines (withdraws): nobody is left, so the seat returns to the shift.
    assert_eq!(
        message(applications::cancel(&t.db, org, c, ids[2], "", SITE, None).await.unwrap_err()),
        "err-reason-required"
    );
    applications::cancel(&t.db, org, c, ids[2], "الموقع تغيّر", SITE, None).await.unwrap();
    let mail = services::mail::to(&t.db, "third@example.qa").await.unwrap();
    assert_eq!(mail.last().unwrap().kind, "application-cancelled");
    let fourth = application::Entity::find_by_id(ids[3]).one(&t.db).await.unwrap().unwrap();
    assert!(fourth.offer_expires_at.is_some());
    assert_eq!(taken(&t).await, 1);
    applications::withdraw(&t.db, people[3].id, ids[3], SITE, at).await.unwrap();
    assert_eq!(taken(&t).await, 0);
    // Each change left a notification for its volunteer, and the bell counts them.
    assert_eq!(services::notifications::unread(&t.db, people[2].id).await.unwrap(), 3, "waitlisted, offer, cancelled");
    let list = services::notifications::list(&t.db, people[2].id, 10).await.unwrap();
    let kinds: Vec<&str> = list.iter().map(|n| n.kind.as_str()).collect();
    assert_eq!(kinds, ["application-cancelled", "offer", "application-waitlisted"]);
    assert_eq!(list[0].detail.as_deref(), Some("الموقع تغيّر"));
    services::notifications::mark_all_read(&t.db, people[2].id, at).await.unwrap();
    assert_eq!(services::notifications::unread(&t.db, people[2].id).await.unwrap(), 0);
});

// A coordinator approving a waitlisted volunteer who holds an offer gives them the held seat (not
// a second one); rejecting them passes it on.
app::db_test!(deciding_on_an_offer_uses_the_held_seat, |t: TestDb| async move {
    let (org, c, shifts) = published(&t, "held", 1, &[(96, 3)], |_| {}).await;
    let at = services::now();
    let a = person(&t, "a@example.qa", "1995-01-01", "female").await;
    let b = person(&t, "b@example.qa", "1995-01-01", "female").await;
    let ia = applications::apply(&t.db, a.id, shifts[0].id, "", at).await.unwrap().id;
    let ib = applications::apply(&t.db, b.id, shifts[0].id, "", at).await.unwrap().id;
    applications::decide(&t.db, org, c, ia, Decision::Approve, SITE, None).await.unwrap();
    applications::decide(&t.db, org, c, ib, Decision::Waitlist, SITE, None).await.unwrap();
    applications::withdraw(&t.db, a.id, ia, SITE, at).await.unwrap();
    let approved = applications::decide(&t.db, org, c, ib, Decision::Approve, SITE, None).await.unwrap();
    assert_eq!((approved.status.as_str(), approved.offer_expires_at), (applications::APPROVED, None));
    assert_eq!(shift::Entity::find_by_id(shifts[0].id).one(&t.db).await.unwrap().unwrap().taken, 1);
});

// The day-before reminder goes out once per approved shift, even when the job runs again after a
// restart (a new connection to the same database) or from a second process at the same time.
app::db_test!(a_reminder_is_sent_once, |t: TestDb| async move {
    let (org, c, shifts) = published(&t, "remind", 5, &[(20, 3), (60, 3)], |_| {}).await;
    let v = person(&t, "sara@example.qa", "1995-01-01", "female").await;
    let at = services::now();
    for s in &shifts {
        let id = applications::apply(&t.db, v.id, s.id, "", at).await.unwrap().id;
        applications::decide(&t.db, org, c, id, Decision::Approve, SITE, None).await.unwrap();
    }
    let again = t.reconnect().await;
    let (one, two) =
        tokio::join!(applications::send_reminders(&t.db, SITE, at), applications::send_reminders(&again, SITE, at));
    assert_eq!(one.unwrap() + two.unwrap(), 1, "only the shift within a day, once");
    assert_eq!(applications::send_reminders(&again, SITE, at).await.unwrap(), 0);
    let reminders: Vec<_> = services::mail::to(&t.db, "sara@example.qa")
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "shift-reminder")
        .collect();
    assert_eq!(reminders.len(), 1);
    assert!(reminders[0].body_text.contains("توزيع السلال الغذائية"));
    // Two days later the second shift's turn comes.
    assert_eq!(applications::send_reminders(&again, SITE, at + Duration::hours(40)).await.unwrap(), 1);
});

// The iCal feed: approved shifts only, stable UIDs, valid lines; a replaced token stops working.
app::db_test!(the_calendar_feed, |t: TestDb| async move {
    let (org, c, shifts) = published(&t, "ical", 5, &[(30, 3), (80, 3)], |_| {}).await;
    let v = person(&t, "sara@example.qa", "1995-01-01", "female").await;
    let at = services::now();
    let first = applications::apply(&t.db, v.id, shifts[0].id, "", at).await.unwrap().id;
    let second = applications::apply(&t.db, v.id, shifts[1].id, "", at).await.unwrap().id;
    applications::decide(&t.db, org, c, first, Decision::Approve, SITE, None).await.unwrap();
    let token = services::calendar::renew(&t.db, v.id, at).await.unwrap();
    assert!(token.len() >= 22);
    let ics = services::calendar::feed(&t.db, &token, SITE).await.unwrap().unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains(&format!("UID:application-{first}@tam.example\r\n")), "{ics}");
    assert!(!ics.contains(&format!("application-{second}@")), "a pending application is not in the calendar");
    assert!(ics.contains(&format!("DTSTART:{}\r\n", shifts[0].starts_at.format("%Y%m%dT%H%M%SZ"))));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    assert!(ics.replace("\r\n ", "").contains("SUMMARY:توزيع السلال الغذائية"), "{ics}");
    // The same UID on the next fetch; a withdrawn shift leaves.
    applications::decide(&t.db, org, c, second, Decision::Approve, SITE, None).await.unwrap();
    let again = services::calendar::feed(&t.db, &token, SITE).await.unwrap().unwrap();
    assert!(again.contains(&format!("UID:application-{first}@tam.example")));
    assert!(again.contains(&format!("UID:application-{second}@tam.example")));
    applications::withdraw(&t.db, v.id, first, SITE, at).await.unwrap();
    let after = services::calendar::feed(&t.db, &token, SITE).await.unwrap().unwrap();
    assert!(!after.contains(&format!("UID:application-{first}@")));
    // Replacing the address ends the old one; stopping ends the feed.
    let renewed = services::calendar::renew(&t.db, v.id, at).await.unwrap();
    assert_eq!(services::calendar::feed(&t.db, &token, SITE).await.unwrap(), None);
    assert!(services::calendar::feed(&t.db, &renewed, SITE).await.unwrap().is_some());
    services::calendar::stop(&t.db, v.id).await.unwrap();
    assert_eq!(services::calendar::feed(&t.db, &renewed, SITE).await.unwrap(), None);
    assert_eq!(services::calendar::feed(&t.db, "", SITE).await.unwrap(), None);
});

// Each change records an event in its transaction; a volunteer sees the events of their own
// applications, a coordinator those of their organization, nobody anyone else's; the pump
// broadcasts them in id order.
app::db_test!(events_reach_only_those_concerned, |t: TestDb| async move {
    use services::events::{self, Scope};
    let (org, c, shifts) = published(&t, "ev-a", 5, &[(72, 2)], |_| {}).await;
    let (org_b, c_b, _) = published(&t, "ev-b", 5, &[(72, 2)], |_| {}).await;
    let v = person(&t, "sara@example.qa", "1995-01-01", "female").await;
    let w = person(&t, "huda@example.qa", "1995-01-01", "female").await;
    let bus = events::Bus::new(&t.db).await.unwrap();
    let mut rx = bus.subscribe();
    let start = bus.cursor();
    let a = applications::apply(&t.db, v.id, shifts[0].id, "", services::now()).await.unwrap();
    applications::decide(&t.db, org, c, a.id, Decision::Approve, SITE, None).await.unwrap();
    applications::apply(&t.db, w.id, shifts[0].id, "", services::now()).await.unwrap();
    let of = |s: Scope| {
        let db = t.db.clone();
        async move { events::since(&db, s, start, 100).await.unwrap().into_iter().map(|e| e.kind).collect::<Vec<_>>() }
    };
    assert_eq!(
        of(Scope { user_id: v.id, organization_id: None, everything: false }).await,
        ["application-submitted", "application-decided"]
    );
    assert_eq!(of(Scope { user_id: w.id, organization_id: None, everything: false }).await, ["application-submitted"]);
    assert_eq!(of(Scope { user_id: c, organization_id: Some(org), everything: false }).await.len(), 3);
    assert!(of(Scope { user_id: c_b, organization_id: Some(org_b), everything: false }).await.is_empty());
    // A refused decision records nothing.
    applications::decide(&t.db, org, c, a.id, Decision::Approve, SITE, None).await.unwrap_err();
    assert_eq!(bus.pump_once(&t.db).await.unwrap(), 3);
    let mut ids = Vec::new();
    while let Ok(e) = rx.try_recv() {
        ids.push(e.id);
    }
    assert_eq!(ids.len(), 3);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(bus.cursor(), *ids.last().unwrap());
});

// A shift's roster: the approved only, its organization's only; the CSV neutralizes cells; a
// message reaches everyone approved, by mail and in the bell.
app::db_test!(the_roster_and_a_message_to_a_shift, |t: TestDb| async move {
    let (org, c, shifts) = published(&t, "roster", 5, &[(72, 3)], |_| {}).await;
    let (org_b, _, _) = published(&t, "roster-b", 5, &[(72, 3)], |_| {}).await;
    let at = services::now();
    let mut people = Vec::new();
    for (i, name) in ["=HYPERLINK(\"x\")", "Huda", "Mona"].iter().enumerate() {
        let v = person(&t, &format!("r{i}@example.qa"), "1995-01-01", "female").await;
        let mut active: user::ActiveModel = v.clone().into();
        active.full_name = sea_orm::ActiveValue::Set(name.to_string());
        sea_orm::ActiveModelTrait::update(active, &t.db).await.unwrap();
        let a = applications::apply(&t.db, v.id, shifts[0].id, "", at).await.unwrap();
        if i < 2 {
            applications::decide(&t.db, org, c, a.id, Decision::Approve, SITE, None).await.unwrap();
        }
        people.push(v);
    }
    let roster = applications::roster(&t.db, org, shifts[0].id).await.unwrap();
    let names: Vec<&str> = roster.rows.iter().map(|r| r.name.full.as_str()).collect();
    assert_eq!(names, ["=HYPERLINK(\"x\")", "Huda"]);
    assert_eq!(applications::roster(&t.db, org_b, shifts[0].id).await.unwrap_err(), AppError::NotFound);
    let csv = applications::roster_csv(&roster, app::i18n::Lang::En);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    assert_eq!(
        message(applications::message_shift(&t.db, org, shifts[0].id, " ", SITE).await.unwrap_err()),
        "err-message-required"
    );
    assert_eq!(
        applications::message_shift(&t.db, org_b, shifts[0].id, "Bring water", SITE).await.unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(applications::message_shift(&t.db, org, shifts[0].id, "أحضروا الماء", SITE).await.unwrap(), 2);
    for (i, p) in people.iter().enumerate() {
        let got = services::mail::to(&t.db, &format!("r{i}@example.qa")).await.unwrap();
        let messaged = got.iter().any(|m| m.kind == "shift-message" && m.body_text.contains("أحضروا الماء"));
        assert_eq!(messaged, i < 2, "only the approved are messaged");
        let notes = services::notifications::list(&t.db, p.id, 10).await.unwrap();
        assert_eq!(notes.iter().any(|n| n.kind == "shift-message"), i < 2);
    }
});

// Editing: a series moves "this shift" or "this and all following"; seats never drop below those
// given; new seats are offered to the waitlist; approved volunteers are told of a new time; a
// duplicate is a draft with its shifts in the future; details change for new applicants only.
app::db_test!(editing_an_opportunity_and_its_series, |t: TestDb| async move {
    use services::opportunities::Scope;
    let (org, c, shifts) = published(&t, "series", 1, &[(72, 3), (240, 3), (408, 3)], |_| {}).await;
    let (org_b, _, _) = published(&t, "series-b", 1, &[(72, 3)], |_| {}).await;
    // Make them one series, as a weekly line would.
    for s in &shifts {
        let mut a: shift::ActiveModel = s.clone().into();
        a.series_id = sea_orm::ActiveValue::Set(Some(shifts[0].id));
        sea_orm::ActiveModelTrait::update(a, &t.db).await.unwrap();
    }
    let at = services::now();
    let v = person(&t, "sara@example.qa", "1995-01-01", "female").await;
    let w = person(&t, "huda@example.qa", "1995-01-01", "female").await;
    let a = applications::apply(&t.db, v.id, shifts[1].id, "", at).await.unwrap();
    applications::decide(&t.db, org, c, a.id, Decision::Approve, SITE, None).await.unwrap();
    let b = applications::apply(&t.db, w.id, shifts[1].id, "", at).await.unwrap();
    applications::decide(&t.db, org, c, b.id, Decision::Waitlist, SITE, None).await.unwrap();

    // Another organization finds nothing; fewer seats than approved is refused.
    let (s1, e1) = (shifts[1].starts_at, shifts[1].ends_at);
    assert_eq!(
        applications::edit_shift(&t.db, org_b, shifts[1].id, s1, e1, 2, Scope::ThisShift, SITE).await.unwrap_err(),
        AppError::NotFound
    );
    let hour = Duration::hours(1);
    // "This and all following": the 2nd and 3rd move an hour later and get 2 seats; the 1st stays.
    let n = applications::edit_shift(&t.db, org, shifts[1].id, s1 + hour, e1 + hour, 2, Scope::AllFollowing, SITE)
        .await
        .unwrap();
    assert_eq!(n, 2);
    let now_shifts: Vec<shift::Model> = {
        let mut v = shift::Entity::find()
            .filter(shift::Column::OpportunityId.eq(shifts[0].opportunity_id))
            .all(&t.db)
            .await
            .unwrap();
        v.sort_by_key(|s| s.id);
        v
    };
    assert_eq!(now_shifts[0].starts_at, shifts[0].starts_at);
    assert_eq!(now_shifts[1].starts_at, s1 + hour);
    assert_eq!(now_shifts[2].starts_at, shifts[2].starts_at + hour);
    assert_eq!((now_shifts[1].capacity, now_shifts[2].capacity), (2, 2));
    // The new seat went to the waitlisted volunteer as an offer; the approved one was told.
    assert_eq!(now_shifts[1].taken, 2);
    let offered = application::Entity::find_by_id(b.id).one(&t.db).await.unwrap().unwrap();
    assert!(offered.offer_expires_at.is_some());
    let told = services::mail::to(&t.db, "sara@example.qa").await.unwrap();
    assert_eq!(told.last().unwrap().kind, "shift-changed");
    // Down to 1 seat with 2 given is refused.
    let e = applications::edit_shift(&t.db, org, shifts[1].id, s1 + hour, e1 + hour, 1, Scope::ThisShift, SITE)
        .await
        .unwrap_err();
    assert_eq!(message(e), "err-capacity-below-taken");

    // Details: a new title finds it by its words.
    let mut i = input();
    i.title_en = "Beach clean-up".into();
    services::opportunities::update_details(&t.db, org, shifts[0].opportunity_id, &i.parse().unwrap()).await.unwrap();
    let found = services::opportunities::discover(
        &t.db,
        &services::opportunities::Discovery { words: "beach".into(), ..Default::default() },
        at,
    )
    .await
    .unwrap();
    assert!(found.0.iter().any(|c| c.opportunity.id == shifts[0].opportunity_id));
    // A duplicate: a draft, its shifts in the future, nobody on them.
    let copy = services::opportunities::duplicate(&t.db, org, c, shifts[0].opportunity_id).await.unwrap();
    assert_eq!(copy.status, services::opportunities::DRAFT);
    let copied = shift::Entity::find().filter(shift::Column::OpportunityId.eq(copy.id)).all(&t.db).await.unwrap();
    assert_eq!(copied.len(), 3);
    assert!(copied.iter().all(|s| s.taken == 0 && s.starts_at > at));
    assert_eq!(
        services::opportunities::duplicate(&t.db, org_b, c, shifts[0].opportunity_id).await.unwrap_err(),
        AppError::NotFound
    );
});

// "For you": ranked by the volunteer's skills, causes, free times and municipality, with the
// reasons; what they may not join or already applied to is left out; a clash is marked. The
// weekday filter reads shifts in Qatar's time.
app::db_test!(opportunities_ranked_by_fit, |t: TestDb| async move {
    use services::matching::{rank, slot_of};
    use services::opportunities::{candidates, discover, Discovery};
    let (_, _, fits) = published(&t, "fits", 5, &[(100, 3)], |_| {}).await;
    let (_, _, other) = published(&t, "other", 5, &[(120, 3)], |i| {
        i.cause = "environment".into();
        i.municipality = "al-khor".into();
        i.required_skills = vec![];
        i.preferred_skills = vec![];
    })
    .await;
    let (_, _, men) = published(&t, "men", 5, &[(130, 3)], |i| i.gender_rule = "men".into()).await;
    let v = person(&t, "fit@example.qa", "1995-01-01", "female").await;
    let p = ProfileInput {
        birth_date: "1995-01-01".into(),
        gender: "female".into(),
        municipality: "doha".into(),
        skills: vec!["driving".into()],
        causes: vec!["relief".into()],
        availability: vec![slot_of(fits[0].starts_at)],
        ..Default::default()
    }
    .parse_with(services::today(), false)
    .unwrap();
    services::profiles::save(&t.db, v.id, &p).await.unwrap();
    let at = services::now();
    let all = candidates(&t.db, &Discovery::default(), at, 100).await.unwrap();
    let ranked = rank(&t.db, v.id, all, at).await.unwrap();
    let order: Vec<i32> = ranked.iter().map(|(c, _)| c.opportunity.id).collect();
    assert_eq!(order, [fits[0].opportunity_id, other[0].opportunity_id], "men-only left out");
    let kinds: Vec<&str> = ranked[0].1.reasons.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kinds, ["skill", "cause", "slot", "near"]);
    assert_eq!(ranked[0].1.score, 3 + 2 + 2 + 1);
    assert_eq!(ranked[1].1.score, 0);
    assert!(!men.is_empty());
    // Approved on a shift overlapping "other": it is marked, and sorted last.
    let (org_o, c_o, overlapping) = published(&t, "overlap", 5, &[(121, 1)], |_| {}).await;
    let a = applications::apply(&t.db, v.id, overlapping[0].id, "", at).await.unwrap();
    applications::decide(&t.db, org_o, c_o, a.id, Decision::Approve, SITE, None).await.unwrap();
    let all = candidates(&t.db, &Discovery::default(), at, 100).await.unwrap();
    let ranked = rank(&t.db, v.id, all, at).await.unwrap();
    let last = ranked.last().unwrap();
    assert_eq!(last.0.opportunity.id, other[0].opportunity_id);
    assert!(last.1.clash && last.1.all_clash);
    assert!(ranked.iter().all(|(c, _)| c.opportunity.id != overlapping[0].opportunity_id), "applied already");
    assert_eq!(for_you_equals_rank(&t, v.id, at).await, 1, "other clashes entirely and scores nothing");

    // The weekday of the shift (Qatar time) finds it; another day does not.
    let day = slot_of(fits[0].starts_at).split('-').next().unwrap().to_string();
    let on = |d: &str| Discovery { weekday: Some(d.to_string()), ..Default::default() };
    let found = discover(&t.db, &on(&day), at).await.unwrap().0;
    assert!(found.iter().any(|c| c.opportunity.id == fits[0].opportunity_id), "{day}");
    let other_day = services::profiles::DAYS
        .iter()
        .find(|d| **d != day && **d != slot_of(other[0].starts_at).split('-').next().unwrap())
        .unwrap();
    let found = discover(&t.db, &on(other_day), at).await.unwrap().0;
    assert!(found.iter().all(|c| c.opportunity.id != fits[0].opportunity_id));
});

// PostgreSQL knows how many shifts fall on a day of the week in Qatar (migration 19): with its
// default guess (1 row in 200 for an expression) it read every shift in the country for a search
// by day instead of walking the opportunities soonest first. 700 shifts, 5 hours apart, fall
// evenly on the seven days: the plan's estimate for one day is about 100, not 4.
mod weekday_statistics {
    use super::*;
    use sea_orm::{ConnectionTrait, DbBackend, Statement};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        let t = TestDb::postgres().await;
        let (_, _, shifts) = published(&t, "weekdays", 5, &[(24, 2)], |_| {}).await;
        t.db.execute_unprepared(&format!(
            "INSERT INTO shifts (opportunity_id, starts_at, ends_at, capacity, taken) \
             SELECT opportunity_id, starts_at + n * INTERVAL '5 hours', ends_at + n * INTERVAL '5 hours', capacity, 0 \
             FROM shifts CROSS JOIN generate_series(1, 699) AS n WHERE id = {}",
            shifts[0].id
        ))
        .await
        .unwrap();
        t.db.execute_unprepared("ANALYZE shifts").await.unwrap();
        let plan =
            t.db.query_all_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("EXPLAIN SELECT 1 FROM shifts WHERE {} = 5", app::clock::postgres_weekday("starts_at")),
            ))
            .await
            .unwrap();
        let first: String = plan[0].try_get("", "QUERY PLAN").unwrap();
        let rows: u32 = first.split("rows=").nth(1).and_then(|r| r.split(' ').next()).unwrap().parse().unwrap();
        assert!((70..=130).contains(&rows), "estimated {rows} of 700 shifts on a Friday: {first}");
    }
}

// The coordinator's queue a page at a time: fifty after the last one shown, oldest or newest
// first, by state, opportunity and shift, with the counts; never another organization's, and a
// filter naming another organization's opportunity is dropped.
app::db_test!(the_queue_is_paged_and_filtered, |t: TestDb| async move {
    use app::model::QueueQuery;
    use services::applications::{queue_page, QUEUE_PAGE};
    let (org, c, shifts) = published(&t, "busy", 200, &[(72, 2), (100, 2)], |_| {}).await;
    let (other_org, _, other) = published(&t, "other-busy", 5, &[(72, 2)], |_| {}).await;
    let at = services::now();
    let mut ids = Vec::new();
    let mut theirs = Vec::new();
    for i in 0..60 {
        let v = person(&t, &format!("q{i}@example.qa"), "1995-01-01", "female").await;
        ids.push(applications::apply(&t.db, v.id, shifts[i % 2].id, "", at).await.unwrap().id);
        if i < 3 {
            theirs.push(applications::apply(&t.db, v.id, other[0].id, "", at).await.unwrap().id);
        }
    }
    for id in &ids[0..2] {
        applications::decide(&t.db, org, c, *id, Decision::Waitlist, SITE, None).await.unwrap();
    }
    let ask = |q: QueueQuery| {
        let db = t.db.clone();
        async move { queue_page(&db, org, &q, at).await.unwrap() }
    };
    let of = |page: &app::model::QueuePage| page.rows.iter().map(|r| r.id).collect::<Vec<i32>>();
    let first = ask(QueueQuery::default()).await;
    assert_eq!((first.rows.len() as u64, first.total, first.pending), (QUEUE_PAGE, 58, 58));
    assert_eq!(of(&first), ids[2..52]);
    let after = first.next.expect("a second page").to_string();
    let second = ask(QueueQuery { after: after.clone(), ..Default::default() }).await;
    assert_eq!((of(&second), second.next), (ids[52..60].to_vec(), None));
    // Deciding on the first page skips nothing on the second.
    applications::decide(&t.db, org, c, ids[2], Decision::Approve, SITE, None).await.unwrap();
    let again = ask(QueueQuery { after, ..Default::default() }).await;
    assert_eq!((of(&again), again.total), (ids[52..60].to_vec(), 57));
    let newest = ask(QueueQuery { order: "newest".into(), ..Default::default() }).await;
    assert_eq!(newest.rows[0].id, ids[59]);
    assert_eq!(newest.rows.last().map(|r| r.id), Some(ids[10]));
    let waiting = ask(QueueQuery { state: "waitlisted".into(), ..Default::default() }).await;
    assert_eq!((of(&waiting), waiting.total, waiting.pending), (ids[0..2].to_vec(), 2, 57));
    // One opportunity's shift: the odd ones still pending.
    let oid = shifts[1].opportunity_id.to_string();
    let one = ask(QueueQuery { opportunity: oid.clone(), shift: shifts[1].id.to_string(), ..Default::default() }).await;
    assert_eq!(one.total, 29);
    assert!(one.rows.iter().all(|r| r.starts_at == shifts[1].starts_at));
    assert_eq!(one.shifts.len(), 2);
    assert_eq!((one.query.opportunity.as_str(), one.query.shift.clone()), (oid.as_str(), shifts[1].id.to_string()));
    // Another organization's opportunity is not a filter here, and its applications never show.
    let foreign = ask(QueueQuery { opportunity: other[0].opportunity_id.to_string(), ..Default::default() }).await;
    assert_eq!((foreign.query.opportunity.as_str(), foreign.total), ("", 57));
    assert!(first.rows.iter().chain(&second.rows).all(|r| !theirs.contains(&r.id)));
    let elsewhere = queue_page(&t.db, other_org, &QueueQuery::default(), at).await.unwrap();
    assert_eq!(of(&elsewhere), theirs);
});

// The shared window is loaded again after an event once a second at most, and after ten seconds
// whatever happens; in between, every volunteer gets the same one.
app::db_test!(the_for_you_window_follows_events, |t: TestDb| async move {
    use services::matching::WindowCache;
    let cache = WindowCache::default();
    let at = services::now();
    let first = cache.get(&t.db, 7, at, 300).await.unwrap();
    assert!(first.is_empty());
    published(&t, "window", 5, &[(72, 2)], |_| {}).await;
    let same = cache.get(&t.db, 8, at, 300).await.unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &same), "within a second of the last load");
    tokio::time::sleep(WindowCache::FRESH + std::time::Duration::from_millis(50)).await;
    let unchanged = cache.get(&t.db, 7, at, 300).await.unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &unchanged), "no event since: kept");
    let after = cache.get(&t.db, 8, at, 300).await.unwrap();
    assert_eq!(after.len(), 1, "an event: loaded again");
});

/// "For you" as the database ranks it must equal `rank` over the same window, keeping what
/// scores and does not clash entirely: the same cards, reasons, order, seats and clash marks.
async fn for_you_equals_rank(t: &TestDb, user: i32, at: DateTime<Utc>) -> usize {
    use services::matching::{for_you, rank, window, WindowCache};
    use services::opportunities::{candidates, Discovery};
    let listed = candidates(&t.db, &Discovery::default(), at, 300).await.unwrap();
    let expected: Vec<_> = rank(&t.db, user, listed, at)
        .await
        .unwrap()
        .into_iter()
        .filter(|(_, f)| f.score > 0 && !f.all_clash)
        .take(5)
        .map(|(c, f)| (c.opportunity.id, f.reasons, f.clash, c.next_start, c.shifts, c.taken, c.capacity))
        .collect();
    let shared = window(&t.db, at, 300).await.unwrap();
    let got: Vec<_> = for_you(&t.db, user, &shared, at, 5)
        .await
        .unwrap()
        .into_iter()
        .map(|(c, f)| (c.opportunity.id, f.reasons, f.clash, c.next_start, c.shifts, c.taken, c.capacity))
        .collect();
    assert_eq!(got, expected, "for you, volunteer {user}");
    // From a fresh cache, the same.
    let cached = WindowCache::default().get(&t.db, 0, at, 300).await.unwrap();
    let again: Vec<i32> =
        for_you(&t.db, user, &cached, at, 5).await.unwrap().into_iter().map(|(c, _)| c.opportunity.id).collect();
    assert_eq!(again, got.iter().map(|g| g.0).collect::<Vec<_>>());
    got.len()
}

// "For you" ranks a window loaded once for every volunteer (a page view reads only the
// volunteer's own rows): over opportunities of every cause, place, skill, gender rule and minimum
// age, and volunteers of either gender, every age and different free times, some approved on
// clashing shifts, it gives exactly what `rank` over the listed opportunities gives.
app::db_test!(for_you_from_the_shared_window_equals_the_ranking, |t: TestDb| async move {
    use services::matching::slot_of;
    let causes = ["relief", "environment", "health", "education"];
    let places = ["doha", "al-khor", "al-rayyan"];
    let skills = ["driving", "first-aid", "teaching", "it"];
    let mut made = Vec::new();
    for i in 0..14usize {
        let times: Vec<(i64, i64)> =
            (0..1 + i % 3).map(|k| (30 + 17 * i as i64 + 29 * k as i64, 2 + (i % 4) as i64)).collect();
        let (org, c, shifts) = published(&t, &format!("fit{i}"), 3, &times, |inp| {
            inp.cause = causes[i % 4].into();
            inp.municipality = places[i % 3].into();
            inp.required_skills = if i % 2 == 0 { vec![skills[i % 4].into()] } else { vec![] };
            inp.preferred_skills = vec![skills[(i + 1) % 4].into()];
            inp.gender_rule = ["any", "any", "women", "men", "any"][i % 5].into();
            inp.min_age = ["14", "16", "18", "21"][i % 4].into();
        })
        .await;
        made.push((org, c, shifts));
    }
    let at = services::now();
    // Sixteen years and two days old: old enough for 16 only from a birthday to come.
    let sixteen = (services::today() - Duration::days(365 * 16 + 2)).to_string();
    let people = [
        ("f1@fit.qa", "1990-05-05", "female", "doha", vec!["driving", "it"], vec!["relief"], 0usize),
        ("m1@fit.qa", "1988-02-29", "male", "al-khor", vec!["teaching"], vec!["health", "education"], 3),
        ("f2@fit.qa", sixteen.as_str(), "female", "al-rayyan", vec!["first-aid"], vec![], 5),
        ("m2@fit.qa", "2001-12-31", "male", "doha", vec![], vec!["environment"], 7),
    ];
    let mut total = 0;
    for (k, (mail, born, gender, place, sk, ca, slot_from)) in people.iter().enumerate() {
        let v = person(&t, mail, born, gender).await;
        let slots: Vec<String> =
            made.iter().skip(*slot_from).step_by(3).map(|(_, _, s)| slot_of(s[0].starts_at)).collect();
        let p = ProfileInput {
            birth_date: born.to_string(),
            gender: gender.to_string(),
            municipality: place.to_string(),
            skills: sk.iter().map(|s| s.to_string()).collect(),
            causes: ca.iter().map(|s| s.to_string()).collect(),
            availability: slots,
            ..Default::default()
        }
        .parse_with(services::today(), false)
        .unwrap();
        services::profiles::save(&t.db, v.id, &p).await.unwrap();
        total += for_you_equals_rank(&t, v.id, at).await;
        // Approved on one shift (the others of that time clash), applied to another.
        let (org, c, shifts) = &made[k * 3 + 1];
        if let Ok(a) = applications::apply(&t.db, v.id, shifts[0].id, "", at).await {
            applications::decide(&t.db, *org, *c, a.id, Decision::Approve, SITE, None).await.unwrap();
        }
        let _ = applications::apply(&t.db, v.id, made[k * 3 + 2].2[0].id, "", at).await;
        total += for_you_equals_rank(&t, v.id, at).await;
    }
    assert!(total >= 12, "the volunteers were offered cards to compare ({total})");
    // No birth date, no profile: nothing, as `rank` gives.
    let u = services::accounts::register(
        &t.db,
        &FullName::parse("New").unwrap(),
        &Email::parse("new@fit.qa").unwrap(),
        &Password::parse("a long enough password").unwrap(),
        false,
    )
    .await
    .unwrap();
    assert_eq!(for_you_equals_rank(&t, u.id, at).await, 0);
});

// An opportunity may require a qualification: only volunteers who hold it, still valid when the
// shift starts, may apply, and "For you" leaves it out for the others. An unknown one is refused.
app::db_test!(a_required_qualification, |t: TestDb| async move {
    use app::model::LocalizedName;
    use services::matching::rank;
    use services::opportunities::{candidates, Discovery};
    use services::qualifications;
    let at = services::now();
    let name = LocalizedName { ar: "الإسعافات الأولية".into(), en: "First aid".into() };
    let q = qualifications::create(&t.db, None, &name, Some(12), at).await.unwrap();
    let (org, coordinator, shifts) =
        published(&t, "aid", 5, &[(72, 2)], |i| i.required_qualification = q.id.to_string()).await;
    let oid = shifts[0].opportunity_id;

    // Checked field by field, then against the database when saved.
    let typo = OpportunityInput { required_qualification: "first".into(), ..input() };
    let AppError::Validation(e) = typo.parse().unwrap_err() else { panic!() };
    assert_eq!((e[0].field.as_str(), e[0].message.as_str()), ("required_qualification", "err-choice-unknown"));
    let mut unknown = input().parse().unwrap();
    unknown.required_qualification_id = Some(q.id + 1000);
    let e = opportunities::update_details(&t.db, org, oid, &unknown).await.unwrap_err();
    let AppError::Validation(e) = e else { panic!("{e:?}") };
    assert_eq!((e[0].field.as_str(), e[0].message.as_str()), ("required_qualification", "err-choice-unknown"));
    let edit = opportunities::editable(&t.db, org, oid, at).await.unwrap();
    assert!(edit.fields.contains(&("required_qualification".to_string(), q.id.to_string())), "unchanged");
    assert_eq!(edit.qualifications.iter().map(|c| c.id).collect::<Vec<_>>(), [q.id]);
    let page = opportunities::detail(&t.db, oid, None, at).await.unwrap();
    assert_eq!(page.required_qualification, Some(name));

    let none = person(&t, "none@example.qa", "1995-01-01", "female").await;
    let lapsed = person(&t, "lapsed@example.qa", "1995-01-01", "female").await;
    let soon = person(&t, "soon@example.qa", "1995-01-01", "female").await;
    let holder = person(&t, "holder@example.qa", "1995-01-01", "female").await;
    qualifications::grant(&t.db, lapsed.id, q.id, at - Duration::days(400)).await.unwrap();
    // Valid today, expired by the shift (three days from now).
    qualifications::grant(&t.db, soon.id, q.id, at - Duration::days(365) + Duration::days(1)).await.unwrap();
    qualifications::grant(&t.db, holder.id, q.id, at - Duration::days(30)).await.unwrap();
    for v in [&none, &lapsed, &soon] {
        let e = applications::apply(&t.db, v.id, shifts[0].id, "", at).await.unwrap_err();
        assert_eq!(message(e), "err-qualification-missing", "{}", v.email);
        let ranked = rank(&t.db, v.id, candidates(&t.db, &Discovery::default(), at, 100).await.unwrap(), at).await;
        assert!(ranked.unwrap().iter().all(|(c, _)| c.opportunity.id != oid), "{}", v.email);
    }
    let ranked = rank(&t.db, holder.id, candidates(&t.db, &Discovery::default(), at, 100).await.unwrap(), at).await;
    assert!(ranked.unwrap().iter().any(|(c, _)| c.opportunity.id == oid));
    for v in [&none, &lapsed, &soon, &holder] {
        for_you_equals_rank(&t, v.id, at).await;
    }
    let a = applications::apply(&t.db, holder.id, shifts[0].id, "", at).await.unwrap();
    applications::decide(&t.db, org, coordinator, a.id, Decision::Approve, SITE, None).await.unwrap();
    // A renewal moves the expiry on: the lapsed volunteer may apply now.
    qualifications::grant(&t.db, lapsed.id, q.id, at).await.unwrap();
    applications::apply(&t.db, lapsed.id, shifts[0].id, "", at).await.unwrap();
    // Without the requirement, anyone may.
    let mut open = input().parse().unwrap();
    open.required_qualification_id = None;
    opportunities::update_details(&t.db, org, oid, &open).await.unwrap();
    applications::apply(&t.db, none.id, shifts[0].id, "", at).await.unwrap();
});

/// The path's step and code (`/checkin/<shift>?t=<step>&c=<code>`).
fn step_and_code(path: &str) -> (i64, String) {
    let query = path.split('?').nth(1).unwrap();
    let get = |k: &str| query.split('&').find_map(|p| p.strip_prefix(&format!("{k}="))).unwrap().to_string();
    (get("t").parse().unwrap(), get("c"))
}

// Checking in with the shift's rotating code: another shift's code, a code older than a minute, a
// moment outside the shift's window and someone not approved are refused, each with its message;
// checking in twice keeps the first time; late after 15 minutes.
app::db_test!(checking_in_with_the_rotating_code, |t: TestDb| async move {
    use services::attendance::{self, check_in, current_code};
    let (org, coordinator, shifts) = published(&t, "checkin", 5, &[(72, 4), (200, 4)], |_| {}).await;
    let (s, other) = (&shifts[0], &shifts[1]);
    let v = person(&t, "in@example.qa", "1995-01-01", "female").await;
    let stranger = person(&t, "stranger@example.qa", "1995-01-01", "female").await;
    for shift in [s, other] {
        let a = applications::apply(&t.db, v.id, shift.id, "", services::now()).await.unwrap();
        applications::decide(&t.db, org, coordinator, a.id, Decision::Approve, SITE, None).await.unwrap();
    }
    // At the start of a 30-second step, so that the code's age is the time since `at`.
    let at = DateTime::from_timestamp((s.starts_at - Duration::minutes(20)).timestamp() / 30 * 30, 0).unwrap();
    // Another organization's coordinator cannot show this shift's code.
    let (org2, _, _) = published(&t, "elsewhere", 5, &[(72, 4)], |_| {}).await;
    assert!(matches!(current_code(&t.db, org2, s.id, at).await.unwrap_err(), AppError::NotFound));
    let (path, next) = current_code(&t.db, org, s.id, at).await.unwrap();
    assert!(path.starts_with(&format!("/checkin/{}?t=", s.id)), "{path}");
    assert!(next > at && next <= at + Duration::seconds(30));
    let (step, code) = step_and_code(&path);
    let err = |e: AppError| message(e);
    // Made up, or another shift's.
    assert_eq!(err(check_in(&t.db, v.id, s.id, step, "0000000000", at).await.unwrap_err()), "err-checkin-code-invalid");
    let (other_path, _) = current_code(&t.db, org, other.id, at).await.unwrap();
    let (other_step, other_code) = step_and_code(&other_path);
    assert_eq!(
        err(check_in(&t.db, v.id, s.id, other_step, &other_code, at).await.unwrap_err()),
        "err-checkin-code-invalid"
    );
    // Older than a minute.
    assert_eq!(
        err(check_in(&t.db, v.id, s.id, step, &code, at + Duration::seconds(95)).await.unwrap_err()),
        "err-checkin-code-expired"
    );
    // Outside the window: the other shift's code, on time, but its shift is days away.
    assert_eq!(
        err(check_in(&t.db, v.id, other.id, other_step, &other_code, at).await.unwrap_err()),
        "err-checkin-outside-window"
    );
    assert_eq!(err(check_in(&t.db, stranger.id, s.id, step, &code, at).await.unwrap_err()), "err-checkin-not-approved");
    // Within the minute it works; again, the first time stays.
    let first = check_in(&t.db, v.id, s.id, step, &code, at + Duration::seconds(40)).await.unwrap();
    assert_eq!((first.status.as_str(), first.checked_in_at), (attendance::PRESENT, Some(at + Duration::seconds(40))));
    let again = check_in(&t.db, v.id, s.id, step, &code, at + Duration::seconds(50)).await.unwrap();
    assert_eq!(again.checked_in_at, first.checked_in_at);
    // Late: 20 minutes after the start, with a fresh code.
    let late_person = person(&t, "late@example.qa", "1995-01-01", "female").await;
    let a = applications::apply(&t.db, late_person.id, s.id, "", services::now()).await.unwrap();
    applications::decide(&t.db, org, coordinator, a.id, Decision::Approve, SITE, None).await.unwrap();
    let later = s.starts_at + Duration::minutes(20);
    let (path, _) = current_code(&t.db, org, s.id, later).await.unwrap();
    let (step, code) = step_and_code(&path);
    let row = check_in(&t.db, late_person.id, s.id, step, &code, later).await.unwrap();
    assert_eq!(row.status, attendance::LATE);
});

// Marks from the roster, check-out, a forgotten check-out closed at the shift's end and flagged,
// and the ledger's totals: only hours within the shift, absent earns none, by organization and year;
// the counts another organization's queue shows.
app::db_test!(attendance_writes_the_hours_ledger, |t: TestDb| async move {
    use services::attendance::{self, check_out, close_forgotten, mark};
    use services::hours::{total_minutes, totals};
    let (org, coordinator, shifts) = published(&t, "hours", 5, &[(72, 4)], |_| {}).await;
    let s = &shifts[0];
    let mut ids = Vec::new();
    let mut people = Vec::new();
    for i in 0..3 {
        let v = person(&t, &format!("h{i}@example.qa"), "1995-01-01", "female").await;
        let a = applications::apply(&t.db, v.id, s.id, "", services::now()).await.unwrap();
        applications::decide(&t.db, org, coordinator, a.id, Decision::Approve, SITE, None).await.unwrap();
        ids.push(a.id);
        people.push(v);
    }
    let pending = person(&t, "pending@example.qa", "1995-01-01", "female").await;
    let not_approved = applications::apply(&t.db, pending.id, s.id, "", services::now()).await.unwrap();
    // Not before the shift's window; another organization's coordinator finds nothing.
    let early = s.starts_at - Duration::hours(3);
    assert_eq!(
        message(mark(&t.db, org, coordinator, s.id, &ids, attendance::PRESENT, early).await.unwrap_err()),
        "err-attendance-too-early"
    );
    let (org2, c2, _) = published(&t, "other-hours", 5, &[(72, 4)], |_| {}).await;
    assert!(matches!(
        mark(&t.db, org2, c2, s.id, &ids, attendance::PRESENT, s.starts_at).await.unwrap_err(),
        AppError::NotFound
    ));
    let during = s.starts_at + Duration::hours(1);
    // Present (two and the pending one: not approved, not marked), then one of them absent.
    let marked = mark(&t.db, org, coordinator, s.id, &[ids[0], ids[1], not_approved.id], attendance::PRESENT, during)
        .await
        .unwrap();
    assert_eq!(marked, 2);
    mark(&t.db, org, coordinator, s.id, &[ids[2]], attendance::NO_SHOW, during).await.unwrap();
    // Marked present without times: the whole shift (4 h).
    assert_eq!(total_minutes(&t.db, people[0].id).await.unwrap(), 240);
    assert_eq!(total_minutes(&t.db, people[2].id).await.unwrap(), 0);
    assert_eq!(total_minutes(&t.db, pending.id).await.unwrap(), 0);
    // A check-out needs a check-in; checked in with the code at +10 min and out at +2 h: 110 min.
    assert_eq!(message(check_out(&t.db, org, coordinator, ids[0], during).await.unwrap_err()), "err-checkout-not-in");
    let (path, _) =
        services::attendance::current_code(&t.db, org, s.id, s.starts_at + Duration::minutes(10)).await.unwrap();
    let (step, code) = step_and_code(&path);
    for v in &people[0..2] {
        services::attendance::check_in(&t.db, v.id, s.id, step, &code, s.starts_at + Duration::minutes(10))
            .await
            .unwrap();
    }
    check_out(&t.db, org, coordinator, ids[0], s.starts_at + Duration::hours(2)).await.unwrap();
    assert_eq!(total_minutes(&t.db, people[0].id).await.unwrap(), 110);
    // The second never checks out: closed at the end, flagged, counted to the end only.
    assert_eq!(close_forgotten(&t.db, s.ends_at - Duration::minutes(1)).await.unwrap(), 0, "not over yet");
    assert_eq!(close_forgotten(&t.db, s.ends_at + Duration::hours(5)).await.unwrap(), 1);
    assert_eq!(close_forgotten(&t.db, s.ends_at + Duration::hours(6)).await.unwrap(), 0, "once");
    let rows = attendance::of_shift(&t.db, s.id).await.unwrap();
    let second = rows.iter().find(|r| r.application_id == ids[1]).unwrap();
    assert!(second.checkout_missing);
    assert_eq!(second.checked_out_at, Some(s.ends_at));
    assert_eq!(total_minutes(&t.db, people[1].id).await.unwrap(), 230);
    // Totals by organization and year.
    let year = chrono::Datelike::year(&(s.starts_at + Duration::hours(3)).date_naive());
    assert_eq!(totals(&t.db, people[1].id).await.unwrap(), [(org, year, 230)]);
    // Absent after all: the line goes.
    mark(&t.db, org, coordinator, s.id, &[ids[0]], attendance::NO_SHOW, s.ends_at).await.unwrap();
    assert_eq!(total_minutes(&t.db, people[0].id).await.unwrap(), 0);

    // The queue of an organization they apply to next shows how reliable they were; one they did
    // not apply to does not list them at all.
    let (org3, _, next) = published(&t, "next-org", 5, &[(300, 2)], |_| {}).await;
    for v in &people[0..2] {
        applications::apply(&t.db, v.id, next[0].id, "", services::now()).await.unwrap();
    }
    let queue = applications::queue_page(&t.db, org3, &Default::default(), services::now()).await.unwrap().rows;
    let counts = |user: i32| queue.iter().find(|r| r.volunteer_id == user).map(|r| (r.attended, r.no_shows));
    assert_eq!(counts(people[0].id), Some((0, 1)));
    assert_eq!(counts(people[1].id), Some((1, 0)));
    let elsewhere = applications::queue_page(&t.db, org2, &Default::default(), services::now()).await.unwrap().rows;
    assert!(elsewhere.iter().all(|r| r.volunteer_id != people[0].id && r.volunteer_id != people[1].id));
});

// Hours a volunteer reports: checked field by field, only to an organization that approved them,
// pending until its coordinator decides (another organization's coordinator finds nothing), decided
// once, and counted only when approved.
app::db_test!(reported_hours_wait_for_the_organization, |t: TestDb| async move {
    use services::hours::{decide, pending_of, report, total_minutes, Report};
    let (org, coordinator, shifts) = published(&t, "reported", 5, &[(72, 2)], |_| {}).await;
    let (other_org, other_coordinator, _) = published(&t, "not-theirs", 5, &[(72, 2)], |_| {}).await;
    let v = person(&t, "reporter@example.qa", "1995-01-01", "female").await;
    let today = services::today();
    let at = services::now();
    let r = |organization: i32, date: chrono::NaiveDate, hours: &str| Report {
        organization: organization.to_string(),
        activity: "Sorting donated clothes".into(),
        date: date.to_string(),
        hours: hours.into(),
        note: String::new(),
    };
    // Not approved anywhere yet: no organization to report to.
    assert_eq!(message(report(&t.db, v.id, &r(org, today, "2"), today, at).await.unwrap_err()), "err-choice-unknown");
    let a = applications::apply(&t.db, v.id, shifts[0].id, "", at).await.unwrap();
    applications::decide(&t.db, org, coordinator, a.id, Decision::Approve, SITE, None).await.unwrap();
    // Every field at once.
    let bad = Report { activity: " ".into(), hours: "25".into(), ..r(other_org, today + Duration::days(1), "") };
    let AppError::Validation(e) = report(&t.db, v.id, &bad, today, at).await.unwrap_err() else { panic!() };
    let fields: Vec<(&str, &str)> = e.iter().map(|f| (f.field.as_str(), f.message.as_str())).collect();
    assert_eq!(
        fields,
        [
            ("organization", "err-choice-unknown"),
            ("activity", "err-required"),
            ("date", "err-date-future"),
            ("hours", "err-hours-range")
        ]
    );
    assert_eq!(
        message(report(&t.db, v.id, &r(org, today - Duration::days(400), "2"), today, at).await.unwrap_err()),
        "err-hours-date-old"
    );
    // Arabic digits and the Arabic decimal separator.
    let first = report(&t.db, v.id, &r(org, today, "٢٫٥"), today, at).await.unwrap();
    assert_eq!((first.minutes, first.status.as_str()), (150, "pending"));
    let second = report(&t.db, v.id, &r(org, today - Duration::days(3), "1,5"), today, at).await.unwrap();
    assert_eq!(total_minutes(&t.db, v.id).await.unwrap(), 0, "pending hours do not count");
    assert_eq!(pending_of(&t.db, org).await.unwrap().len(), 2);
    assert!(pending_of(&t.db, other_org).await.unwrap().is_empty());
    assert!(matches!(
        decide(&t.db, other_org, other_coordinator, first.id, true, at).await.unwrap_err(),
        AppError::NotFound
    ));
    decide(&t.db, org, coordinator, first.id, true, at).await.unwrap();
    assert_eq!(message(decide(&t.db, org, coordinator, first.id, false, at).await.unwrap_err()), "err-hours-decided");
    decide(&t.db, org, coordinator, second.id, false, at).await.unwrap();
    assert_eq!(total_minutes(&t.db, v.id).await.unwrap(), 150);
    assert!(pending_of(&t.db, org).await.unwrap().is_empty());
    let mine = services::hours::reports_of(&t.db, v.id).await.unwrap();
    let states: Vec<&str> = mine.iter().map(|m| m.status.as_str()).collect();
    assert_eq!(states, ["rejected", "approved"]);
});

app::db_test!(tiers_are_reached_once, |t: TestDb| async move {
    use services::hours::{decide, report, Report};
    use services::tiers::{self, Draft};
    let at = services::now();
    let today = services::today();
    // A fresh network has the usual three.
    let names: Vec<(String, i32)> =
        tiers::list(&t.db).await.unwrap().into_iter().map(|r| (r.name.en, r.min_hours)).collect();
    assert_eq!(names, [("Bronze".to_string(), 50), ("Silver".to_string(), 100), ("Gold".to_string(), 250)]);
    // Admins' input, checked field by field.
    let bad = Draft { name_ar: " ".into(), name_en: "Platinum".into(), min_hours: "lots".into() };
    let AppError::Validation(e) = tiers::save(&t.db, None, &bad, at).await.unwrap_err() else { panic!() };
    let fields: Vec<(&str, &str)> = e.iter().map(|f| (f.field.as_str(), f.message.as_str())).collect();
    assert_eq!(fields, [("name_ar", "err-required"), ("min_hours", "err-tier-hours")]);
    let taken = Draft { name_ar: "بلاتيني".into(), name_en: "Platinum".into(), min_hours: "100".into() };
    assert_eq!(message(tiers::save(&t.db, None, &taken, at).await.unwrap_err()), "err-tier-taken");
    tiers::save(&t.db, None, &Draft { min_hours: "١٠٠٠".into(), ..taken }, at).await.unwrap();
    // Bronze lowered to 2 hours, so a test can reach it.
    let bronze = tiers::list(&t.db).await.unwrap()[0].clone();
    let lowered = Draft { name_ar: bronze.name.ar.clone(), name_en: bronze.name.en.clone(), min_hours: "2".into() };
    tiers::save(&t.db, Some(bronze.id), &lowered, at).await.unwrap();
    assert_eq!(tiers::list(&t.db).await.unwrap().iter().map(|r| r.min_hours).collect::<Vec<_>>(), [2, 100, 250, 1000]);

    let (org, coordinator, shifts) = published(&t, "tiers", 5, &[(72, 2)], |_| {}).await;
    let v = person(&t, "tiered@example.qa", "1995-01-01", "female").await;
    let a = applications::apply(&t.db, v.id, shifts[0].id, "", at).await.unwrap();
    applications::decide(&t.db, org, coordinator, a.id, Decision::Approve, SITE, None).await.unwrap();
    let r = |hours: &str| Report {
        organization: org.to_string(),
        activity: "Sorting".into(),
        date: today.to_string(),
        hours: hours.into(),
        note: String::new(),
    };
    let tier_mails = |t: &TestDb| {
        let db = t.db.clone();
        async move {
            services::mail::to(&db, "tiered@example.qa").await.unwrap().into_iter().filter(|m| m.kind == "tier").count()
        }
    };
    let first = report(&t.db, v.id, &r("1.5"), today, at).await.unwrap();
    decide(&t.db, org, coordinator, first.id, true, at).await.unwrap();
    let p = tiers::progress(&t.db, v.id).await.unwrap();
    assert_eq!((p.minutes, p.current, p.next.map(|n| n.min_hours)), (90, None, Some(2)));
    assert_eq!(tier_mails(&t).await, 0);
    // Rejected hours reach nothing; approved ones do, once.
    let rejected = report(&t.db, v.id, &r("3"), today, at).await.unwrap();
    decide(&t.db, org, coordinator, rejected.id, false, at).await.unwrap();
    assert_eq!(tier_mails(&t).await, 0);
    let second = report(&t.db, v.id, &r("0.5"), today, at).await.unwrap();
    decide(&t.db, org, coordinator, second.id, true, at).await.unwrap();
    let p = tiers::progress(&t.db, v.id).await.unwrap();
    assert_eq!(
        (p.minutes, p.current.map(|c| c.name.en), p.next.map(|n| n.min_hours)),
        (120, Some("Bronze".into()), Some(100))
    );
    assert_eq!(tier_mails(&t).await, 1);
    let mail = services::mail::to(&t.db, "tiered@example.qa").await.unwrap().pop().unwrap();
    assert!(mail.body_text.contains("Bronze") || mail.body_text.contains("برونزي"), "{}", mail.body_text);
    let notices = services::notifications::list(&t.db, v.id, 10).await.unwrap();
    assert_eq!(notices.iter().filter(|n| n.kind == "tier").count(), 1);
    // More hours, and two processes checking at once: still told once.
    let third = report(&t.db, v.id, &r("1"), today, at).await.unwrap();
    decide(&t.db, org, coordinator, third.id, true, at).await.unwrap();
    let (x, y) = tokio::join!(tiers::reached(&t.db, v.id, at), tiers::reached(&t.db, v.id, at));
    x.unwrap();
    y.unwrap();
    assert_eq!(tier_mails(&t).await, 1);
    // A removed tier is gone from the standing.
    tiers::remove(&t.db, bronze.id).await.unwrap();
    assert!(matches!(tiers::remove(&t.db, bronze.id).await.unwrap_err(), AppError::NotFound));
    let p = tiers::progress(&t.db, v.id).await.unwrap();
    assert_eq!((p.current, p.next.map(|n| n.min_hours)), (None, Some(100)));
});

app::db_test!(certificates_verify_and_are_superseded, |t: TestDb| async move {
    use services::attendance::{mark, NO_SHOW, PRESENT};
    use services::certificates::{code, issue, printable, verify, Request};
    use services::hours::{decide, report, Report};
    let today = services::today();
    let (org, coordinator, shifts) = published(&t, "certs", 5, &[(72, 2)], |_| {}).await;
    let (other_org, _, _) = published(&t, "not-certs", 5, &[(72, 2)], |_| {}).await;
    let s = &shifts[0];
    let v = person(&t, "certified@example.qa", "1995-01-01", "female").await;
    let stranger = person(&t, "stranger@example.qa", "1995-01-01", "male").await;
    let a = applications::apply(&t.db, v.id, s.id, "", services::now()).await.unwrap();
    applications::decide(&t.db, org, coordinator, a.id, Decision::Approve, SITE, None).await.unwrap();
    // Two hours at the shift, and 1.5 reported ten days ago.
    mark(&t.db, org, coordinator, s.id, &[a.id], PRESENT, s.starts_at).await.unwrap();
    let reported = Report {
        organization: org.to_string(),
        activity: "Sorting".into(),
        date: (today - Duration::days(10)).to_string(),
        hours: "1.5".into(),
        note: String::new(),
    };
    let r = report(&t.db, v.id, &reported, today, services::now()).await.unwrap();
    decide(&t.db, org, coordinator, r.id, true, services::now()).await.unwrap();
    let issued_at = s.starts_at + Duration::hours(3);
    let req = |scope: &str, organization: String, from: String, to: String| Request {
        scope: scope.into(),
        organization,
        from,
        to,
    };

    // Checked field by field; nothing to certify is refused.
    assert_eq!(
        message(
            issue(&t.db, v.id, &req("forever", "".into(), "".into(), "".into()), today, issued_at).await.unwrap_err()
        ),
        "err-choice-unknown"
    );
    let backwards = req("period", "".into(), today.to_string(), (today - Duration::days(1)).to_string());
    assert_eq!(message(issue(&t.db, v.id, &backwards, today, issued_at).await.unwrap_err()), "err-period-order");
    let AppError::Validation(e) =
        issue(&t.db, v.id, &req("organization", other_org.to_string(), "".into(), "".into()), today, issued_at)
            .await
            .unwrap_err()
    else {
        panic!()
    };
    assert_eq!((e[0].field.as_str(), e[0].message.as_str()), ("organization", "err-certificate-no-hours"));
    assert_eq!(
        message(
            issue(&t.db, stranger.id, &req("all", "".into(), "".into(), "".into()), today, issued_at)
                .await
                .unwrap_err()
        ),
        "err-certificate-no-hours"
    );

    // The names the profile holds in each script, and the gender the Arabic wording agrees with.
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
    let mut names = volunteer_profile::Entity::find_by_id(v.id).one(&t.db).await.unwrap().unwrap().into_active_model();
    names.name_ar = Set(Some("نورة الكواري".into()));
    names.name_latin = Set(Some("Noora Al-Kuwari".into()));
    names.update(&t.db).await.unwrap();
    let all = issue(&t.db, v.id, &req("all", "".into(), "".into(), "".into()), today, issued_at).await.unwrap();
    let period =
        req("period", "".into(), (today - Duration::days(20)).to_string(), (today - Duration::days(1)).to_string());
    let past = issue(&t.db, v.id, &period, today, issued_at).await.unwrap();
    let printed = printable(&t.db, v.id, all, SITE).await.unwrap();
    let f = &printed.row.facts;
    assert_eq!((f.minutes, f.name.as_str(), f.organizations.len()), (210, "Volunteer", 1));
    assert_eq!(
        (f.name_ar.as_deref(), f.name_latin.as_deref(), f.gender.as_deref()),
        (Some("نورة الكواري"), Some("Noora Al-Kuwari"), Some("female"))
    );
    assert_eq!(
        (f.first_day, f.last_day),
        (Some(today - Duration::days(10)), Some((s.starts_at + Duration::hours(3)).date_naive()))
    );
    assert!(printed.url.starts_with("https://tam.example/verify/") && printed.qr_svg.contains("<svg"));
    assert!(matches!(printable(&t.db, stranger.id, all, SITE).await.unwrap_err(), AppError::NotFound));

    // Valid, with the same facts; made-up and altered codes are not.
    let c = code(&t.db, all).await.unwrap();
    assert_eq!(printed.code, c);
    let checked = verify(&t.db, &c).await.unwrap();
    assert_eq!((checked.status.as_str(), checked.certificate.unwrap().facts.minutes), ("valid", 210));
    assert_eq!(verify(&t.db, &code(&t.db, past).await.unwrap()).await.unwrap().certificate.unwrap().facts.minutes, 90);
    let (serial, tag) = c.split_once('.').unwrap();
    let mut altered: Vec<char> = serial.chars().collect();
    altered[0] = if altered[0] == 'A' { 'B' } else { 'A' };
    for forged in [
        format!("{}.{tag}", altered.into_iter().collect::<String>()),
        "AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA".into(),
        "".into(),
    ] {
        let v = verify(&t.db, &forged).await.unwrap();
        assert_eq!((v.status.as_str(), v.certificate.is_none()), ("invalid", true), "{forged}");
    }
    // Hours approved later do not touch it; the same attendance marked again keeps it.
    let later = report(&t.db, v.id, &Report { date: today.to_string(), ..reported.clone() }, today, services::now())
        .await
        .unwrap();
    decide(&t.db, org, coordinator, later.id, true, issued_at + Duration::hours(1)).await.unwrap();
    mark(&t.db, org, coordinator, s.id, &[a.id], PRESENT, s.starts_at + Duration::hours(5)).await.unwrap();
    assert_eq!(verify(&t.db, &c).await.unwrap().status, "valid");
    // Revoked: the shift's hours go, and the certificate that stated them is superseded; the
    // period's, which did not include them, stands.
    mark(&t.db, org, coordinator, s.id, &[a.id], NO_SHOW, s.starts_at + Duration::hours(6)).await.unwrap();
    let after = verify(&t.db, &c).await.unwrap();
    assert_eq!((after.status.as_str(), after.certificate.unwrap().facts.minutes), ("superseded", 210));
    assert_eq!(verify(&t.db, &code(&t.db, past).await.unwrap()).await.unwrap().status, "valid");
    let mine = services::certificates::of_user(&t.db, v.id).await.unwrap();
    assert_eq!(mine.iter().map(|c| c.status.as_str()).collect::<Vec<_>>(), ["valid", "superseded"]);
});

// Generated data: people registered over the months, with profiles, applications to two
// organizations in every state, attendance and hours; then every dashboard figure is checked
// against a recount over all the rows, in Rust.
app::db_test!(dashboard_figures_equal_a_recount, |t: TestDb| async move {
    use app::backend::entities::{attendance, hour_entry, opportunity};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
    use services::dashboard::{self, Filter};
    let today = services::today();
    let now = services::now();
    let (org_a, coordinator_a, shifts_a) = published(&t, "dash-a", 200, &[(48, 3)], |_| {}).await;
    let (org_b, coordinator_b, shifts_b) =
        published(&t, "dash-b", 200, &[(24, 2)], |i| i.cause = "education".into()).await;
    let municipalities = ["doha", "al-rayyan", "al-khor"];
    let mut people = Vec::new();
    for i in 0..36i64 {
        let born = format!("{}-0{}-15", 1950 + (i * 7) % 55, 1 + i % 9);
        let v = person(&t, &format!("d{i}@example.qa"), &born, if i % 3 == 0 { "male" } else { "female" }).await;
        // Registered over the last 14 months (some before the period), some profiles complete.
        let mut u = v.clone().into_active_model();
        u.created_at = Set(now - Duration::days(30 * (i % 14)));
        u.update(&t.db).await.unwrap();
        let p = volunteer_profile::Entity::find()
            .filter(volunteer_profile::Column::UserId.eq(v.id))
            .one(&t.db)
            .await
            .unwrap()
            .unwrap();
        let mut p = p.into_active_model();
        p.municipality = Set((i % 5 != 4).then(|| municipalities[(i % 3) as usize].to_string()));
        if i % 2 == 0 {
            p.mobile = Set(Some("+97455551234".into()));
            p.emergency_phone = Set(Some("+97455554321".into()));
        }
        p.update(&t.db).await.unwrap();
        if i % 4 != 3 {
            let a = applications::apply(&t.db, v.id, shifts_a[0].id, "", now).await.unwrap();
            match i % 4 {
                0 => {
                    applications::decide(&t.db, org_a, coordinator_a, a.id, Decision::Approve, SITE, None)
                        .await
                        .unwrap();
                    let mark = if i % 8 == 0 { services::attendance::PRESENT } else { services::attendance::NO_SHOW };
                    services::attendance::mark(
                        &t.db,
                        org_a,
                        coordinator_a,
                        shifts_a[0].id,
                        &[a.id],
                        mark,
                        shifts_a[0].starts_at,
                    )
                    .await
                    .unwrap();
                }
                1 => {
                    let reject = Decision::Reject("full".to_string());
                    applications::decide(&t.db, org_a, coordinator_a, a.id, reject, SITE, None).await.unwrap();
                }
                _ => {}
            }
        }
        if i % 3 == 1 {
            let a = applications::apply(&t.db, v.id, shifts_b[0].id, "", now).await.unwrap();
            applications::decide(&t.db, org_b, coordinator_b, a.id, Decision::Approve, SITE, None).await.unwrap();
        }
        for k in 0..(i % 4) {
            hour_entry::ActiveModel {
                user_id: Set(v.id),
                organization_id: Set(if k % 2 == 0 { org_a } else { org_b }),
                attendance_id: Set(None),
                activity: Set(Some("Generated".into())),
                worked_on: Set(today - Duration::days(45 * k + i)),
                minutes: Set(30 + (i as i32) * 5),
                status: Set(if k == 2 { "rejected".into() } else { "approved".into() }),
                note: Set(None),
                decided_by: Set(None),
                decided_at: Set(Some(now)),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&t.db)
            .await
            .unwrap();
        }
        people.push(v);
    }

    // Dates and profiles were written straight to the rows, past the services that keep the
    // roll-ups: they are counted again from the rows (`dashboard_rollups_stay_equal_to_a_recount`
    // shows the services keep them equal to this).
    services::rollups::rebuild(&t.db).await.unwrap();

    // The recount, over every row.
    let users = user::Entity::find().all(&t.db).await.unwrap();
    let profiles = volunteer_profile::Entity::find().all(&t.db).await.unwrap();
    let apps = application::Entity::find().all(&t.db).await.unwrap();
    let shifts = shift::Entity::find().all(&t.db).await.unwrap();
    let opps = opportunity::Entity::find().all(&t.db).await.unwrap();
    let hours = hour_entry::Entity::find().all(&t.db).await.unwrap();
    let marks = attendance::Entity::find().all(&t.db).await.unwrap();
    let org_of_app = |a: &application::Model| {
        let s = shifts.iter().find(|s| s.id == a.shift_id).unwrap();
        opps.iter().find(|o| o.id == s.opportunity_id).unwrap()
    };
    let qatar_month = |at: DateTime<Utc>| (at + Duration::hours(3)).format("%Y-%m").to_string();
    for organization in [None, Some(org_a), Some(org_b)] {
        let f = Filter { organization, ..Filter::default_for(today) };
        let (start, end) = (
            f.from.and_hms_opt(0, 0, 0).unwrap().and_utc() - Duration::hours(3),
            (f.to + Duration::days(1)).and_hms_opt(0, 0, 0).unwrap().and_utc() - Duration::hours(3),
        );
        let got = dashboard::figures(&t.db, &f, today, now).await.unwrap();
        let in_org = |a: &application::Model| organization.is_none_or(|o| org_of_app(a).organization_id == o);
        let counted: Vec<&user::Model> = users
            .iter()
            .filter(|u| u.deleted_at.is_none())
            .filter(|u| match organization {
                None => !u.is_admin && u.created_at >= start && u.created_at < end,
                Some(_) => {
                    apps.iter().any(|a| a.user_id == u.id && in_org(a) && a.created_at >= start && a.created_at < end)
                }
            })
            .collect();
        let per_month = |moments: Vec<DateTime<Utc>>| -> Vec<i64> {
            got.months.iter().map(|m| moments.iter().filter(|at| &qatar_month(**at) == m).count() as i64).collect()
        };
        assert_eq!(got.months.len(), 12);
        assert_eq!(got.registrations, per_month(counted.iter().map(|u| u.created_at).collect()), "{organization:?}");
        let in_period = |a: &&application::Model| in_org(a) && a.created_at >= start && a.created_at < end;
        assert_eq!(got.applications, per_month(apps.iter().filter(in_period).map(|a| a.created_at).collect()));
        let approved_starts = apps
            .iter()
            .filter(|a| in_org(a) && a.status == "approved")
            .map(|a| shifts.iter().find(|s| s.id == a.shift_id).unwrap().starts_at)
            .filter(|s| *s >= start && *s < end)
            .collect();
        assert_eq!(got.approved, per_month(approved_starts));
        let approved_hours: Vec<&hour_entry::Model> = hours
            .iter()
            .filter(|h| h.status == "approved" && h.worked_on >= f.from && h.worked_on <= f.to)
            .filter(|h| organization.is_none_or(|o| h.organization_id == o))
            .collect();
        let hours_by_month: Vec<i64> = got
            .months
            .iter()
            .map(|m| {
                approved_hours
                    .iter()
                    .filter(|h| &h.worked_on.format("%Y-%m").to_string() == m)
                    .map(|h| i64::from(h.minutes))
                    .sum()
            })
            .collect();
        assert_eq!(got.hours, hours_by_month);
        let profile_of = |u: &user::Model| profiles.iter().find(|p| p.user_id == u.id);
        let tally = |key: &dyn Fn(&user::Model) -> Option<String>| {
            let mut out: Vec<(String, i64)> = Vec::new();
            for u in &counted {
                let k = key(u).unwrap_or_else(|| "unknown".into());
                match out.iter_mut().find(|(x, _)| *x == k) {
                    Some(e) => e.1 += 1,
                    None => out.push((k, 1)),
                }
            }
            out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            out
        };
        assert_eq!(got.municipality, tally(&|u| profile_of(u).and_then(|p| p.municipality.clone())));
        assert_eq!(got.gender, tally(&|u| profile_of(u).and_then(|p| p.gender.clone())));
        let bands: i64 = got.age_band.iter().map(|(_, n)| n).sum();
        assert_eq!(bands, counted.iter().filter(|u| profile_of(u).and_then(|p| p.birth_date).is_some()).count() as i64);
        // A funnel: each person counts at every stage up to the furthest they reached.
        let came = |u: &user::Model| {
            marks.iter().any(|m| {
                m.user_id == u.id && m.status != "no_show" && organization.is_none_or(|o| m.organization_id == o)
            })
        };
        let was_approved =
            |u: &user::Model| came(u) || apps.iter().any(|a| a.user_id == u.id && in_org(a) && a.status == "approved");
        let did_apply = |u: &user::Model| was_approved(u) || apps.iter().any(|a| a.user_id == u.id && in_org(a));
        let complete = counted
            .iter()
            .filter(|u| {
                did_apply(u)
                    || profile_of(u).is_some_and(|p| {
                        p.birth_date.is_some() && p.gender.is_some() && p.municipality.is_some() && p.mobile.is_some()
                    })
            })
            .count() as i64;
        let applied = counted.iter().filter(|u| did_apply(u)).count() as i64;
        let approved = counted.iter().filter(|u| was_approved(u)).count() as i64;
        let attended = counted.iter().filter(|u| came(u)).count() as i64;
        assert!(complete >= applied && applied >= approved && approved >= attended, "a funnel narrows");
        assert_eq!(got.funnel, vec![counted.len() as i64, complete, applied, approved, attended], "{organization:?}");
        // Applications by cause, and the top opportunities with their approved places.
        let mut causes: Vec<(String, i64)> = Vec::new();
        let mut per_opportunity: Vec<(i32, i64, i64)> = Vec::new();
        for a in apps.iter().filter(in_period) {
            let o = org_of_app(a);
            match causes.iter_mut().find(|(k, _)| *k == o.cause) {
                Some(c) => c.1 += 1,
                None => causes.push((o.cause.clone(), 1)),
            }
            let approved = i64::from(a.status == "approved");
            match per_opportunity.iter_mut().find(|(id, _, _)| *id == o.id) {
                Some(p) => (p.1, p.2) = (p.1 + 1, p.2 + approved),
                None => per_opportunity.push((o.id, 1, approved)),
            }
        }
        causes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        assert_eq!(got.cause, causes, "{organization:?}");
        per_opportunity.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let top: Vec<(i64, i64)> = got.opportunities.iter().map(|r| (r.value, r.extra)).collect();
        assert_eq!(top, per_opportunity.iter().take(10).map(|p| (p.1, p.2)).collect::<Vec<_>>(), "{organization:?}");
        let by_org: i64 = got.organizations.iter().map(|r| r.value).sum();
        assert_eq!(by_org, got.hours.iter().sum::<i64>());
        let pending = apps.iter().filter(|a| in_org(a) && a.status == "pending").count() as i64;
        assert_eq!(got.counters[1], pending);
        assert!(got.funnel[0] > 0 && got.hours.iter().sum::<i64>() > 0, "the generated data fills the view");
    }

    // A bad filter is refused field by field.
    let q = app::model::DashboardQuery { from: "2026-13".into(), to: "".into(), organization: "x".into() };
    let fields: Vec<String> = Filter::parse(&q, today).unwrap_err().into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["from", "organization"]);
    let q = app::model::DashboardQuery { from: "٢٠٢٠-٠١".into(), to: "2026-01".into(), organization: "".into() };
    assert_eq!(Filter::parse(&q, today).unwrap_err()[0].message, "err-period-long");

    // The public figures: cells under ten people are suppressed.
    let impact = dashboard::impact(&t.db).await.unwrap();
    let volunteers = users.iter().filter(|u| !u.is_admin && u.deleted_at.is_none()).count() as i64;
    assert_eq!(impact.volunteers, Some(volunteers));
    for (k, n) in &impact.municipality {
        let real = profiles.iter().filter(|p| p.municipality.as_deref() == Some(k.as_str())).count() as i64;
        assert_eq!(*n, (real >= 10).then_some(real), "{k}");
    }
    assert!(
        impact.municipality.iter().any(|(_, n)| n.is_none()) || impact.municipality.iter().all(|(_, n)| n.is_some())
    );
    let csv = dashboard::csv(
        &dashboard::figures(&t.db, &Filter::default_for(today), today, now).await.unwrap(),
        "funnel",
        app::i18n::Lang::En,
    )
    .unwrap();
    assert!(csv.starts_with("\u{feff}Stage,Volunteers\r\nRegistered,"), "{csv}");
});

app::db_test!(courses_grant_qualifications, |t: TestDb| async move {
    use services::opportunities::ShiftInput;
    use services::training::{self, CourseInput};
    let now = services::now();
    let org = services::organizations::create(&t.db, "trainers", "مدربون", "Trainers").await.unwrap();
    let (other, _, _) = published(&t, "not-trainers", 5, &[(72, 2)], |_| {}).await;
    let named = |en: &str| app::model::LocalizedName { ar: format!("{en} ar"), en: en.into() };
    let q = services::qualifications::create(&t.db, None, &named("Team leadership"), Some(12), now).await.unwrap();
    let local = |hours: i64| (now + Duration::hours(hours + 3)).format("%Y-%m-%dT%H:%M").to_string();
    let two_weekly = ShiftInput { starts: local(48), ends: local(50), capacity: "2".into(), weeks: "2".into() };
    let input = CourseInput {
        title_ar: "قيادة الفرق التطوعية".into(),
        qualification: q.id.to_string(),
        valid_months: "٦".into(),
        ..Default::default()
    };
    // Every field at once.
    let bad =
        CourseInput { title_ar: "".into(), qualification: "x".into(), valid_months: "999".into(), ..input.clone() };
    let no_times = ShiftInput { starts: "".into(), ..two_weekly.clone() };
    let AppError::Validation(e) = training::create(&t.db, Some(org.id), 1, &bad, &no_times, now).await.unwrap_err()
    else {
        panic!()
    };
    let fields: Vec<&str> = e.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["title_ar", "qualification", "valid_months", "starts"]);
    let unknown = CourseInput { qualification: "999999".into(), ..input.clone() };
    assert_eq!(
        message(training::create(&t.db, Some(org.id), 1, &unknown, &two_weekly, now).await.unwrap_err()),
        "err-choice-unknown"
    );
    let c = training::create(&t.db, Some(org.id), 1, &input, &two_weekly, now).await.unwrap();
    assert!(matches!(training::roster(&t.db, Some(other), c.id).await.unwrap_err(), AppError::NotFound));
    assert!(matches!(training::roster(&t.db, None, c.id).await.unwrap_err(), AppError::NotFound));

    // Two seats a session; three people; the third is refused and holds no seat anywhere.
    let a = person(&t, "a@train.qa", "2000-01-01", "female").await;
    let b = person(&t, "b@train.qa", "2000-01-01", "male").await;
    let late = person(&t, "late@train.qa", "2000-01-01", "male").await;
    let (x, y) = tokio::join!(training::enrol(&t.db, a.id, c.id, now), training::enrol(&t.db, b.id, c.id, now));
    x.unwrap();
    y.unwrap();
    assert_eq!(message(training::enrol(&t.db, a.id, c.id, now).await.unwrap_err()), "err-course-enrolled");
    assert_eq!(message(training::enrol(&t.db, late.id, c.id, now).await.unwrap_err()), "err-course-full");
    let page = training::page(&t.db, c.id, Some(a.id)).await.unwrap();
    assert_eq!(page.sessions.iter().map(|s| s.taken).collect::<Vec<_>>(), [2, 2]);
    assert_eq!(page.mine.as_deref(), Some("enrolled"));
    // A withdrawal frees both seats; the late one takes them.
    training::withdraw(&t.db, b.id, c.id, now).await.unwrap();
    training::enrol(&t.db, late.id, c.id, now).await.unwrap();
    assert_eq!(
        training::page(&t.db, c.id, None).await.unwrap().sessions.iter().map(|s| s.taken).collect::<Vec<_>>(),
        [2, 2]
    );
    // Open courses granting the qualification (what an opportunity requiring it names).
    let open = training::open_courses(&t.db, Some(q.id), now).await.unwrap();
    assert_eq!((open.len(), open[0].seats_left), (1, 0));
    assert!(training::open_courses(&t.db, Some(q.id + 1000), now).await.unwrap().is_empty());

    // Marked: both at the first session, only `a` at the second. `a` completes and holds the
    // qualification for the course's six months; `late` does not.
    let sessions = training::roster(&t.db, Some(org.id), c.id).await.unwrap().sessions;
    assert_eq!(
        message(training::mark_session(&t.db, Some(org.id), 1, sessions[0].id, &[a.id], now).await.unwrap_err()),
        "err-attendance-too-early"
    );
    let first = sessions[0].starts_at;
    let second = sessions[1].starts_at;
    assert_eq!(
        training::mark_session(&t.db, Some(org.id), 1, sessions[0].id, &[a.id, late.id], first).await.unwrap(),
        0
    );
    assert_eq!(training::mark_session(&t.db, Some(org.id), 1, sessions[1].id, &[a.id], second).await.unwrap(), 1);
    // Marking again completes nobody twice.
    assert_eq!(training::mark_session(&t.db, Some(org.id), 1, sessions[1].id, &[a.id], second).await.unwrap(), 0);
    let held = services::qualifications::held(&t.db, a.id).await.unwrap();
    assert_eq!(held.len(), 1);
    let until = held[0].1.unwrap();
    assert_eq!(until, second.checked_add_months(chrono::Months::new(6)).unwrap());
    assert!(services::qualifications::holds(&t.db, a.id, q.id, second + Duration::days(100)).await.unwrap());
    assert!(!services::qualifications::holds(&t.db, late.id, q.id, second).await.unwrap());
    let roster = training::roster(&t.db, Some(org.id), c.id).await.unwrap();
    let row = roster.rows.iter().find(|r| r.user_id == a.id).unwrap();
    assert_eq!((row.status.as_str(), row.present.clone()), ("completed", vec![Some(true), Some(true)]));
    let granted = services::mail::to(&t.db, "a@train.qa").await.unwrap();
    assert_eq!(granted.iter().filter(|m| m.kind == "qualification-granted").count(), 1);
    let mine = training::mine(&t.db, a.id).await.unwrap();
    assert_eq!((mine.held.len(), mine.courses[0].1.as_str()), (1, "completed"));

    // The expiry warning: nothing until 30 days before, then once; a renewal warns again later.
    assert_eq!(training::warn_expiring(&t.db, until - Duration::days(31)).await.unwrap(), 0);
    let (x, y) = tokio::join!(
        training::warn_expiring(&t.db, until - Duration::days(29)),
        training::warn_expiring(&t.db, until - Duration::days(29))
    );
    assert_eq!(x.unwrap() + y.unwrap(), 1);
    assert_eq!(training::warn_expiring(&t.db, until - Duration::days(1)).await.unwrap(), 0);
    let warned = services::mail::to(&t.db, "a@train.qa").await.unwrap();
    assert_eq!(warned.iter().filter(|m| m.kind == "qualification-expiring").count(), 1);
    let renewed = services::qualifications::grant_for(&t.db, a.id, q.id, until, Some(6)).await.unwrap();
    assert!(renewed.warned_at.is_none());
    let next = renewed.expires_at.unwrap();
    assert_eq!(training::warn_expiring(&t.db, next - Duration::days(10)).await.unwrap(), 1);
    // Enrolment closes when the first session starts.
    assert_eq!(message(training::enrol(&t.db, b.id, c.id, first).await.unwrap_err()), "err-course-started");
});

// The roll-ups the dashboards read, kept by the services as data changes, equal a count made
// again from every row, after many changes made at once by concurrent requests: applications,
// decisions, withdrawals and cancellations, attendance, reported hours, profile changes,
// registrations and deleted accounts, with two requests at a time for the same person.
app::db_test!(dashboard_rollups_stay_equal_to_a_recount, |t: TestDb| async move {
    use services::attendance::{mark, NO_SHOW, PRESENT};
    use services::dashboard::{self, Filter};
    use services::hours::{self, Report};
    use services::rollups;
    let today = services::today();
    let (org_a, coordinator_a, shifts_a) = published(&t, "roll-a", 40, &[(48, 3), (96, 3)], |_| {}).await;
    let (org_b, coordinator_b, shifts_b) =
        published(&t, "roll-b", 40, &[(30, 2)], |i| i.cause = "education".into()).await;
    let mut people = Vec::new();
    for i in 0..16 {
        let born = format!("{}-0{}-10", 1960 + i * 3, 1 + i % 9);
        people.push(person(&t, &format!("r{i}@example.qa"), &born, if i % 2 == 0 { "female" } else { "male" }).await);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (i, v) in people.iter().enumerate() {
        // One request stream applies, is decided, attended and withdraws...
        let (db, v, sa, sb) = (t.db.clone(), v.clone(), shifts_a.clone(), shifts_b.clone());
        tasks.spawn(async move {
            let now = services::now();
            let mut done = 0;
            if let Ok(a) = applications::apply(&db, v.id, sa[i % 2].id, "", now).await {
                let decision = if i % 3 == 1 { Decision::Reject("full".into()) } else { Decision::Approve };
                if applications::decide(&db, org_a, coordinator_a, a.id, decision, SITE, None).await.is_ok() {
                    done += 1;
                }
                let status = if i % 4 == 0 { NO_SHOW } else { PRESENT };
                if mark(&db, org_a, coordinator_a, sa[i % 2].id, &[a.id], status, sa[i % 2].starts_at).await.is_ok() {
                    done += 1;
                }
                if i % 5 == 0 {
                    // Re-marked: the ledger's line and the attended stage change again.
                    let again = if status == PRESENT { NO_SHOW } else { PRESENT };
                    mark(&db, org_a, coordinator_a, sa[i % 2].id, &[a.id], again, sa[i % 2].starts_at).await.ok();
                }
                if i % 6 == 2 {
                    applications::cancel(&db, org_a, coordinator_a, a.id, "plans changed", SITE, None).await.ok();
                }
            }
            if let Ok(b) = applications::apply(&db, v.id, sb[0].id, "", now).await {
                if applications::decide(&db, org_b, coordinator_b, b.id, Decision::Approve, SITE, None).await.is_ok() {
                    done += 1;
                }
                // Hours reported to the organization that approved them, approved or rejected.
                let report = Report {
                    organization: org_b.to_string(),
                    activity: "Sorting".into(),
                    date: (today - Duration::days(i as i64 * 20)).to_string(),
                    hours: format!("{}", 1 + i % 4),
                    note: String::new(),
                };
                if let Ok(r) = hours::report(&db, v.id, &report, today, now).await {
                    if hours::decide(&db, org_b, coordinator_b, r.id, i % 5 != 3, now).await.is_ok() {
                        done += 1;
                    }
                }
                if i % 4 == 1 {
                    applications::withdraw(&db, v.id, b.id, SITE, now).await.ok();
                }
            }
            done
        });
        // ...while another changes the same person's profile, or deletes the account.
        let db = t.db.clone();
        let v = v.clone();
        tasks.spawn(async move {
            let mut done = 0;
            let profile = ProfileInput {
                birth_date: format!("{}-1{}-20", 1970 + i, i % 3),
                gender: if i % 3 == 0 { "male".into() } else { "female".into() },
                municipality: ["doha", "al-rayyan", "al-khor"][i % 3].into(),
                ..Default::default()
            }
            .parse_with(today, false)
            .unwrap();
            if services::profiles::save(&db, v.id, &profile).await.is_ok() {
                done += 1;
            }
            if i % 7 == 3 {
                services::privacy::delete_account(&db, v.id, "a long enough password", None).await.ok();
            }
            done
        });
    }
    // Newcomers register meanwhile.
    for i in 0..6 {
        let db = t.db.clone();
        tasks.spawn(async move {
            services::accounts::register(
                &db,
                &FullName::parse("Newcomer").unwrap(),
                &Email::parse(&format!("new{i}@example.qa")).unwrap(),
                &Password::parse("a long enough password").unwrap(),
                false,
            )
            .await
            .map_or(0, |_| 1)
        });
    }
    let mut done = 0;
    while let Some(n) = tasks.join_next().await {
        done += n.unwrap();
    }
    assert!(done >= 70, "the concurrent changes went through ({done})");
    // An opportunity's cause changes: the causes people were approved for follow.
    let mut details = input();
    details.cause = "health".into();
    let details = details.parse().unwrap();
    opportunities::update_details(&t.db, org_b, shifts_b[0].opportunity_id, &details).await.unwrap();

    let kept = rollups::snapshot(&t.db).await.unwrap();
    let views = [None, Some(org_a), Some(org_b)];
    let mut before = Vec::new();
    for organization in views {
        let f = Filter { organization, ..Filter::default_for(today) };
        before.push(dashboard::figures(&t.db, &f, today, services::now()).await.unwrap());
    }
    let impact = dashboard::impact(&t.db).await.unwrap();
    // What was kept is not empty: every kind of roll-up has rows.
    for kind in ["hours ", "applications ", "people ", "places ", "=approved ", "=attended ", "cause=health "] {
        assert!(kept.iter().any(|l| l.contains(kind)), "{kind}: {kept:#?}");
    }
    rollups::rebuild(&t.db).await.unwrap();
    assert_eq!(kept, rollups::snapshot(&t.db).await.unwrap(), "kept as the data changed = counted again");
    for (organization, got) in views.into_iter().zip(before) {
        let f = Filter { organization, ..Filter::default_for(today) };
        let mut recounted = dashboard::figures(&t.db, &f, today, services::now()).await.unwrap();
        recounted.counters = got.counters;
        assert_eq!(got, recounted, "{organization:?}");
    }
    assert_eq!(impact, dashboard::impact(&t.db).await.unwrap());
});
