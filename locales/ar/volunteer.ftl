# The volunteer's own page.
me-title = صفحتي
me-greeting = أهلًا { $name }
me-lead = هذه صفحتك في تم: بياناتك وأدوارك في المنصة.
me-details = بياناتي
me-email = البريد الإلكتروني
me-member-since = عضو منذ
me-roles = أدواري
role-volunteer = متطوع
role-coordinator = منسّق في { $org }
role-admin = مشرف المنصة
me-verified = شكرًا لك: تم تأكيد عنوان بريدك الإلكتروني.
me-unverified = لم يُؤكَّد عنوان بريدك الإلكتروني بعد. افتح الرابط الذي أرسلناه إليك لتأكيده؛ وحتى ذلك الحين لا يمكن أن تصبح منسقًا لجهة.
me-verification-sent = أرسلنا إليك رابطًا جديدًا.
me-resend = أرسل الرابط مرة أخرى
me-mfa-due = { $days ->
    [zero] بصفتك منسقًا، فعّل التحقق بخطوتين اليوم. بعد ذلك لا يمكنك العمل باسم جهتك حتى تفعّله.
    [one] بصفتك منسقًا، فعّل التحقق بخطوتين خلال يوم واحد. بعد ذلك لا يمكنك العمل باسم جهتك حتى تفعّله.
    [two] بصفتك منسقًا، فعّل التحقق بخطوتين خلال يومين. بعد ذلك لا يمكنك العمل باسم جهتك حتى تفعّله.
    [few] بصفتك منسقًا، فعّل التحقق بخطوتين خلال { $days } أيام. بعد ذلك لا يمكنك العمل باسم جهتك حتى تفعّله.
    [many] بصفتك منسقًا، فعّل التحقق بخطوتين خلال { $days } يومًا. بعد ذلك لا يمكنك العمل باسم جهتك حتى تفعّله.
   *[other] بصفتك منسقًا، فعّل التحقق بخطوتين خلال { $days } يوم. بعد ذلك لا يمكنك العمل باسم جهتك حتى تفعّله.
}
me-mfa-overdue = لا يمكنك العمل باسم جهتك حتى تفعّل التحقق بخطوتين.
me-security-link = الأمان: الجلسات والتحقق بخطوتين وكلمة المرور
security-title = الأمان
security-lead = الأجهزة المسجّل دخولها إلى حسابك، والتحقق بخطوتين، وكلمة المرور.
security-mfa = التحقق بخطوتين
security-mfa-on = التحقق بخطوتين مفعّل: يتطلب الدخول رمزًا من تطبيق المصادقة.
security-mfa-off = التحقق بخطوتين غير مفعّل. فعّله كي لا تكفي كلمة مرور مسروقة للدخول إلى حسابك.
security-mfa-enable = تفعيل التحقق بخطوتين
security-mfa-required = يتطلب دورك التحقق بخطوتين، لذا لا يمكن إيقافه.
security-mfa-disable = إيقاف التحقق بخطوتين
security-recovery-left = { $count ->
    [zero] لم يبقَ لديك أي رمز استرداد.
    [one] بقي لديك رمز استرداد واحد.
    [two] بقي لديك رمزا استرداد.
    [few] بقي لديك { $count } رموز استرداد.
    [many] بقي لديك { $count } رمزًا للاسترداد.
   *[other] بقي لديك { $count } رمز استرداد.
}
security-sessions = الأجهزة التي سجّلت الدخول منها
security-this-device = هذا الجهاز
security-device-unknown = جهاز غير معروف
security-address-unknown = غير معروف
security-address = العنوان:
security-started = بدأت
security-last-seen = آخر نشاط
security-end-session = تسجيل خروج هذا الجهاز
security-end-others = تسجيل خروج كل الأجهزة الأخرى
security-password = كلمة المرور
security-password-lead = تغيير كلمة المرور يسجّل خروجك من كل الأجهزة الأخرى.
security-password-submit = تغيير كلمة المرور
field-current-password = كلمة المرور الحالية
mfa-title = تفعيل التحقق بخطوتين
mfa-lead = ستحتاج إلى تطبيق مصادقة على هاتفك، مثل Google Authenticator أو Microsoft Authenticator أو FreeOTP.
mfa-step-scan = ١. أضف تم إلى تطبيقك
mfa-qr-label = رمز QR لإضافة تم إلى تطبيق المصادقة
mfa-secret-label = أو اكتب هذا المفتاح في التطبيق:
mfa-step-codes = ٢. احتفظ برموز الاسترداد
mfa-codes-lead = كل رمز يتيح لك الدخول مرة واحدة إن فقدت هاتفك. اكتبها أو اطبعها واحفظها في مكان آمن: لن تظهر إلا الآن.
mfa-step-confirm = ٣. أكّد برمز
mfa-confirm = تفعيل
field-code-hint-app = الرمز المكوّن من ٦ أرقام الذي يعرضه تطبيقك الآن لحساب تم.
err-phone-invalid = أدخل رقم هاتف: رقم جوال قطري (٨ أرقام، مثل 5555 1234) أو رقمًا مع رمز الدولة (مثل ‎+44 20 7946 0958).
err-birth-date-invalid = أدخل تاريخ الميلاد بصيغة سنة-شهر-يوم، مثل 1998-03-15.
err-birth-date-range = أعمار المتطوعين في تم بين ١٣ و١٠٠ عام. تحقق من السنة.
err-text-too-long = هذا النص أطول من المسموح.
err-text-invalid = يحتوي هذا النص على أحرف غير مسموح بها.
err-choice-unknown = اختر من الخيارات المعروضة.
err-emergency-incomplete = تحتاج جهة الاتصال في الطوارئ إلى اسم ورقم هاتف معًا.
err-guardian-required = يحتاج المتطوعون دون ١٨ عامًا إلى ولي أمر: أدخل اسمه وهاتفه وبريده الإلكتروني وصلة القرابة.
err-profile-birth-date-needed = أضف تاريخ ميلادك إلى ملفك قبل التقديم.
err-guardian-consent-needed = لم يوافق ولي أمرك بعد. أرسلنا إليه رابطًا بالبريد الإلكتروني.
me-profile = ملفي التطوعي
me-profile-complete = أكمل ملفك
me-profile-edit = حدّث ملفك
profile-title = ملفي التطوعي
profile-lead = عندما تتقدم إلى فرصة ترى الجهة ما يناسبها من ملفك. املأ الخطوات بأي ترتيب؛ تُحفظ كل خطوة وحدها، ويمكنك الرجوع إليها متى شئت.
profile-complete = اكتمل الملف بنسبة { $percent }٪
profile-steps = خطوات الملف
profile-step-n = الخطوة { $n }:
profile-step-about = عنك
profile-step-skills = اللغات والمهارات والمجالات
profile-step-time = أوقات فراغك
profile-step-contacts = جهة الاتصال في الطوارئ وولي الأمر
profile-save-next = احفظ وتابع
profile-save = احفظ
profile-saved = تم الحفظ.
profile-back = العودة إلى صفحتي
profile-guardian-consented = وافق ولي أمرك في { $date }.
profile-guardian-pending = عمرك أقل من 18 عامًا: أرسلنا إلى ولي أمرك على { $email } رابطًا للموافقة. لا يمكنك التقدم إلى الفرص حتى يوافق.
profile-guardian-missing = عمرك أقل من 18 عامًا: أضف ولي أمرك في الخطوة 4، وسنرسل إليه رابطًا للموافقة.
profile-guardian-resend = أرسل الرابط مرة أخرى
field-name-ar = الاسم الكامل بالحروف العربية
field-name-ar-hint = كما تريده أن يظهر في شهاداتك. يمكنك ملء اسم واحد أو الاثنين.
field-name-latin = الاسم الكامل بالحروف اللاتينية
field-name-latin-hint = للشهادات بالإنجليزية، مثل Fatima Al-Kuwari.
field-mobile = رقم الجوال
field-phone-hint = جوال قطري (مثل 5555 1234) أو رقم مع رمز بلده.
field-birth-date = تاريخ الميلاد
field-birth-date-hint = أقل من 18 عامًا؟ سنطلب موافقة ولي أمرك.
field-gender = الجنس
field-nationality = الجنسية
field-municipality = البلدية التي تسكن فيها
field-education = المستوى التعليمي
field-languages = اللغات التي تتحدثها
field-skills = المهارات
field-skills-other = مهارات أخرى
field-skills-other-hint = أي مهارة ليست في القائمة، مفصولة بفواصل.
field-causes = المجالات التي تهمك
field-availability = متى تكون متفرغًا عادةً
field-availability-hint = اختر كل وقت من الأسبوع يناسبك عادةً.
field-emergency-name = جهة الاتصال في الطوارئ: الاسم
field-emergency-phone = جهة الاتصال في الطوارئ: الهاتف
field-emergency-relation = جهة الاتصال في الطوارئ: صلة القرابة
field-guardian-name = ولي الأمر: الاسم
field-guardian-hint = للمتطوعين دون 18 عامًا فقط.
field-guardian-phone = ولي الأمر: الهاتف
field-guardian-email = ولي الأمر: البريد الإلكتروني
field-guardian-relation = ولي الأمر: صلة القرابة
my-privacy-title = بياناتي وخصوصيتي
my-privacy-lead = ما وافقت عليه، والخيارات التي يمكنك تغييرها، ونسخة من كل ما تحتفظ به تم عنك، وحذف حسابك.
my-privacy-accepted = ما وافقت عليه
my-privacy-accepted-row = { $document }، الإصدار { $version }، باللغة { $language }، في { $date }
my-privacy-optional = خياراتك
consent-news = رسائل بريد عن الفرص الجديدة وأخبار تم.
consent-given = وافقت على هذا.
consent-not-given = لم توافق على هذا.
consent-give = أوافق
consent-withdraw = اسحب موافقتي
my-privacy-copy = نسخة من بياناتك
my-privacy-copy-lead = ملف واحد (JSON) فيه كل ما تحتفظ به تم عنك: حسابك وملفك وجلساتك وموافقاتك والبريد الذي أرسلناه إليك وسجل أمان حسابك.
my-privacy-download = نزّل بياناتي
my-privacy-correct = صحّح بياناتك
my-privacy-correct-lead = يحتوي ملفك على معظم ما نعرفه عنك، ويمكنك تغيير أي شيء فيه.
my-privacy-delete = احذف حسابي
my-privacy-delete-lead = يُمحى اسمك ووسائل التواصل معك وتفاصيل ملفك وتنتهي جلساتك فورًا. ما يبقى لا يمكن ربطه بك: تبقى الأعداد صحيحة، مثل عدد المتطوعين في كل بلدية. لا يمكن التراجع عن هذا.
my-privacy-delete-submit = احذف حسابي نهائيًا
policies-new-version = صدر إصدار جديد من إشعار الخصوصية أو ميثاق المتطوع. اقرأه ووافق عليه لتواصل استخدام تم.
policies-accept = قرأت الإصدار الجديد وأوافق عليه
err-signup-closed = انتهى التسجيل في هذه المناوبة.
err-too-young = هذه الفرصة لمتطوعين أكبر سنًا: راجع الحد الأدنى للعمر.
err-gender-rule = هذه الفرصة مفتوحة لمتطوعين من جنس واحد فقط.
err-qualification-missing = تتطلب هذه الفرصة مؤهلًا لا تحمله، أو ينتهي قبل المناوبة (انظر «المؤهل المطلوب» أعلاه).
err-already-applied = تقدمت إلى هذه المناوبة من قبل.
me-applications = طلباتي
me-applications-none = لم تتقدم إلى أي فرصة بعد.
me-withdraw = انسحب
application-status-pending = بانتظار القرار
application-status-approved = مقبول
application-status-rejected = غير مقبول
application-status-waitlisted = في قائمة الانتظار
application-status-withdrawn = منسحب
application-status-cancelled = ألغته الجهة
application-status-expired = لم يُؤكَّد المقعد المعروض في وقته
offer-open = توفر مقعد وهو محجوز لك حتى { $until }. أكّده لتأخذه، أو اتركه للشخص التالي.
offer-confirm = أكّد مقعدي
offer-decline = لا، اتركه لغيري
err-no-offer = لا يوجد مقعد معروض عليك في هذه المناوبة.
err-offer-expired = انتهت مهلة تأكيد هذا المقعد، وانتقل إلى التالي في قائمة الانتظار.
notifications-title = الإشعارات
notifications-empty = لا جديد. ستظهر هنا القرارات على طلباتك.
notifications-new = جديد
notice-application-approved = قُبلت: { $title }، { $when }.
notice-application-rejected = لم يُقبل طلبك: { $title }، { $when }.
notice-application-waitlisted = أنت في قائمة الانتظار: { $title }، { $when }.
notice-application-cancelled = ألغت الجهة مكانك: { $title }، { $when }.
notice-offer = توفر لك مقعد: { $title }، { $when }. أكّده من صفحتك.
notice-offer-expired = لم يُؤكَّد المقعد المعروض عليك في وقته فانتقل إلى غيرك: { $title }، { $when }.
notice-shift-reminder = قريبًا: { $title }، { $when }.
calendar-title = مناوباتك في تقويمك
calendar-lead = اشترك بهذا العنوان في تطبيق التقويم لديك (تقويم Google أو Outlook أو تقويم Apple) لترى فيه مناوباتك المقبولة. من يعرف العنوان يرى مناوباتك: احتفظ به لنفسك، واستبدله إن شاركته.
calendar-address = عنوان تقويمك
calendar-start = أنشئ عنوان تقويمي
calendar-renew = استبدل العنوان
calendar-stop = أوقف التقويم
calendar-name = تم: تطوعي
notice-shift-message = رسالة من الجهة بخصوص { $title }، { $when }:
notice-shift-changed = تغيّر موعد مناوبتك: { $title }، وأصبح { $when }.
for-you-title = مقترحة لك
for-you-empty = أخبرنا بمهاراتك والقضايا التي تهمك وأوقات فراغك، وسنقترح عليك فرصًا تناسبك.
for-you-more = كل الفرص، الأنسب أولًا

## الحضور
err-checkin-code-invalid = رمز تسجيل الحضور هذا غير صالح لهذه المناوبة. امسح الرمز الظاهر على شاشة المنسق مرة أخرى.
err-checkin-code-expired = انتهت صلاحية رمز تسجيل الحضور. امسح الرمز الظاهر على شاشة المنسق مرة أخرى، فهو يتغير كل 30 ثانية.
err-checkin-outside-window = يبدأ تسجيل الحضور قبل بدء المناوبة بساعة، وينتهي بعد انتهائها بساعة.
err-checkin-not-approved = لم تُقبل في هذه المناوبة، فلا يمكنك تسجيل الحضور فيها.
checkin-title = تسجيل الحضور
checkin-done = تم تسجيل حضورك
checkin-done-at = سُجّل حضورك { $time }.
checkin-late = وصلت بعد بدء المناوبة: يراك المنسق متأخرًا.
hours-title = ساعاتي
hours-empty = لا ساعات بعد. تظهر هنا بعد حضورك أول مناوبة.
hours-count = { $hours ->
    [zero] لا ساعات
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
   *[other] { $hours } ساعة
}
hours-year = السنة
hours-organization = الجهة
hours-hours = الساعات
hours-reports = ساعات أبلغت عنها
hours-status-pending = بانتظار الجهة
hours-status-approved = معتمدة
hours-status-rejected = غير معتمدة
hours-report-title = أبلغ عن ساعات
hours-report-lead = تطوعت لجهة خارج مناوبات تم؟ أبلغ عن ذلك هنا، ويعتمده منسقو الجهة.
hours-report-submit = أرسل للاعتماد
hours-reported = أُرسلت. سيعتمدها منسقو الجهة أو يرفضونها.
field-hours-activity = ماذا فعلت
field-hours-date = التاريخ
field-hours-hours = الساعات
field-hours-hours-hint = من 0.25 إلى 24، ويمكن استخدام الفاصلة العشرية (2.5).
field-hours-note = ملاحظة للمنسق
err-date-future = لا يمكن أن يكون التاريخ في المستقبل.
err-hours-date-old = أبلغ عن الساعات خلال سنة من يوم العمل.
err-hours-range = أدخل الساعات رقمًا من 0.25 إلى 24.
tier-none = لم تبلغ مستوى تقدير بعد
tier-current = مستواك: { $tier }
tier-progress = { $hours } من { $target } ساعة للوصول إلى مستوى { $tier }
notice-tier = بلغت مستوى { $title }. شكرًا على ساعات عطائك!
