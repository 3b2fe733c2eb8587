# Public pages: home, register, login.
home-title = Volunteer for Qatar
home-heading = Volunteer where your time makes a difference
home-lead = Tam connects volunteers in Qatar with the charities, centers and foundations that need them. Build your profile once, find opportunities that fit you, and follow your applications, hours and certificates in one place.
home-cta-register = Join as a volunteer
home-cta-find = Find an opportunity
home-volunteer-count = { $count ->
    [zero] Be the first volunteer on Tam
    [one] Join { $count } volunteer on Tam
   *[other] Join { $count } volunteers on Tam
}
home-org-count = { $count ->
    [zero] No organizations yet
    [one] { $count } organization is waiting for you
   *[other] { $count } organizations are waiting for you
}
home-feature-find-title = Find your opportunity
home-feature-find-body = Opportunities from trusted organizations across Qatar, matched to your interests and time.
home-feature-find-link = Browse all opportunities
home-feature-track-title = Follow your applications
home-feature-track-body = Know the moment your application is accepted and when your shift starts.
home-feature-grow-title = Record your impact
home-feature-grow-body = Your hours, training and certificates are kept for you, and you can export them any time.
register-title = Create a volunteer account
register-lead = One account lets you volunteer with every organization on Tam.
register-submit = Create account
register-have-account = Already have an account?
login-title = Log in
login-lead = Welcome back to Tam.
login-submit = Log in
login-no-account = No account yet?
field-full-name = Full name
field-full-name-hint = As you want organizations to see it.
field-email = Email
field-password = Password
field-password-hint = At least ten characters. A phrase of a few unrelated words is strong and easy to remember.
err-full-name-required = Enter your full name.
err-full-name-too-long = The name is longer than allowed (100 characters).
err-full-name-invalid = The name contains characters that are not allowed.
err-email-required = Enter your email address.
err-email-invalid = This does not look like a valid email address, such as name@example.qa.
err-email-taken = An account with this email already exists. Log in instead.
err-password-too-short = The password is too short: at least ten characters.
err-password-too-long = The password is longer than allowed (128 characters).
err-password-weak = This password is easy to guess. Use a longer phrase of several unrelated words, and nothing from your name or email.
err-login-failed = The email or password is not correct.
verify-title = Confirm your email address
verify-lead = Confirm that this address is yours, so that organizations can trust it and Tam can reach you.
verify-submit = Confirm my address
forgot-title = Forgot your password?
forgot-lead = Enter the email address of your account. We will send you a link to choose a new password.
forgot-submit = Send me a link
forgot-sent = If an account exists for that address, we have sent it a link to choose a new password. The link works once, for 30 minutes. Check your spam folder too.
reset-title = Choose a new password
reset-lead = After this, you will be logged out everywhere, and you can log in with the new password.
reset-submit = Save the new password
reset-done = Your password has been changed and every session has ended. Log in with your new password.
field-new-password = New password
login-forgot = Forgot your password?
login-code-title = Enter your sign-in code
login-code-lead = Two-step sign-in is on for this account. Open your authenticator app and enter the code it shows for Tam.
login-code-submit = Continue
field-code = Code
field-code-hint = The 6-digit code from your app, or one of your recovery codes.
consent-title = Consent for a volunteer under 18
consent-lead = { $guardian }, { $volunteer } has named you as their parent or guardian on Tam, Qatar's national volunteer network, and asks for your consent to volunteer.
consent-point-apply = With your consent, they can apply to volunteering opportunities; organizations check the minimum age of each one.
consent-point-data = Tam keeps their profile to match them with opportunities and shares it only with organizations they apply to.
consent-point-withdraw = You can withdraw your consent at any time by writing to privacy@tam.qa.
consent-submit = I consent
consent-done = Thank you. Your consent is recorded, and they can now apply to opportunities.
register-read = Before you join, read:
field-accept = Your agreement
field-accept-hint = The first is needed to join; the second you can change at any time on your page.
register-accept-policies = I have read and accept the privacy notice and the volunteer charter.
register-accept-news = Send me emails about new opportunities and news of Tam (optional).
privacy-body = Tam is Qatar's national volunteer network. This notice says what we keep about you, why, and what you can do about it.

    What we keep: your name, email address and password (only as a hash that cannot be turned back into it); the profile you fill in (names, mobile number, date of birth, gender, nationality, municipality, education, languages, skills, causes, availability, emergency contact and, for volunteers under 18, a parent or guardian); your sessions (device, address, times); the mail we send you; and a security log of your account.

    Why: to match you with opportunities and let organizations you apply to decide; to keep your account safe; and to show the country's volunteering in counts that name no one.

    Who sees it: you; the coordinators of organizations you apply to, only what they need to decide; and Tam's administrators, whose every view and export of your data is logged.

    Your rights: from your page you can download a copy of all your data, correct it, withdraw optional consents and delete your account. Questions: privacy@tam.qa.
charter-body = Volunteers on Tam give their time freely and are welcomed with respect. By joining, you agree:

    To be honest in your profile and your applications, and to come to the shifts you were approved for, or to withdraw in time so that someone else can take your place.

    To respect the people you serve, the organizations you volunteer with, their instructions and Qatar's laws, and to keep private what you learn about others while volunteering.

    To volunteer safely: to follow the safety instructions you are given, and to tell the coordinator when something is wrong.

    Organizations on Tam agree in turn to welcome volunteers, train and supervise them, keep them safe and record their hours truthfully.
home-for-organizations = A charity, center or foundation in Qatar looking for volunteers?
home-account-deleted = Your account was deleted. Thank you for the time you gave.
opportunities-title = Volunteering opportunities
opportunities-lead = What organizations across Qatar need, soonest first. Filter by cause, skill, place, dates and free seats; the address of a filtered list can be shared.
opportunities-empty = No opportunity matches these filters. Try fewer filters.
filter-words-opportunity = Words
field-cause = Cause
field-skill = Skill
field-municipality-where = Municipality
filter-seats = Only with free seats
filter-when = When
when-today = Today
when-week = The next 7 days
when-weekend = This weekend
when-month = The next 30 days
filter-open = Filter
filter-open-count = Filter ({ $count })
filter-active = Active filters
filter-remove = Remove the filter: { $what }
opportunity-next = Next shift: { $date }
opportunity-seats = { $taken } of { $capacity } taken
opportunity-shifts = Shifts
opportunity-login-to-apply = Log in to apply
opportunity-nothing-to-apply = You have applied to every shift still to come.
opportunity-apply = Apply
opportunity-applied = Your application is sent. You will see the decision on your page.
field-shifts = Shifts to apply to
shift-label = { $when } ({ $taken } of { $capacity } taken)
field-motivation = Why you would like to come (optional)
field-motivation-hint = A few words for the coordinator.
err-shift-choose = Tick at least one shift.
filter-day = Day of the week
filter-sort = Sort by
sort-date = Date, soonest first
sort-fit = What fits me best
sort-fit-login = Log in to sort by what fits you; until then the list is by date.
reason-skill = Matches your skill: { $what }
reason-cause = A cause you care about: { $what }
reason-slot = At a time you are free: { $what }
reason-near = Near you: { $what }
fit-clash = Some of its shifts overlap a shift you are approved for.
verify-certificate-title = Verify a certificate
verify-certificate-valid = This certificate was issued by Tam and stands: the facts below are as recorded.
verify-certificate-superseded = This certificate was issued by Tam but no longer stands: some of its hours were revoked after it was issued.
verify-certificate-invalid = This is not a certificate issued by Tam. The code may be mistyped or altered.
impact-title = Our impact
impact-lead = Volunteering across Qatar on Tam, in numbers. Only totals are shown: no person can be picked out.
impact-volunteers = Volunteers
impact-hours = Hours given
impact-opportunities = Open opportunities
impact-organizations = Organizations
impact-by-cause = Volunteers by cause
impact-suppressed = Fewer than 10
impact-suppressed-list = Not shown, as fewer than 10 people: { $groups }.
impact-note = Groups of fewer than 10 people are not shown. Figures are refreshed every ten minutes.
training-title = Training
training-lead = Courses that build your skills and grant the qualifications some opportunities ask for. Enrol before the first session.
training-empty = No courses are open right now.
course-by-network = Tam, Qatar's national volunteer network
course-grants = Grants { $qualification }
course-grants-months = Grants { $qualification }, valid { $months ->
    [one] one month
   *[other] { $months } months
}
course-starts = Starts { $when }
course-sessions = { $count ->
    [one] one session
   *[other] { $count } sessions
}
course-seats-left = { $count ->
    [0] no places left
    [one] one place left
   *[other] { $count } places left
}
course-sessions-title = Sessions
course-sessions-lead = Enrolling holds your place in every session. Attend them all to be granted the qualification.
course-enrol = Enrol
course-withdraw = Give up my place
course-withdraw-confirm = Your seat in this course goes to someone else. You can enrol again while seats are open.
course-saved = Saved.
course-completed = You completed this course and hold its qualification.
course-status-enrolled = You are enrolled
course-status-withdrawn = You gave up your place
course-status-completed = Completed
roster-course-status-enrolled = Enrolled
roster-course-status-withdrawn = Gave up the place
roster-course-status-completed = Completed the course
err-course-full = A session of this course is full.
err-course-started = This course has already started.
err-course-enrolled = You are already enrolled on this course.
opportunity-granting-courses = A course grants it:
