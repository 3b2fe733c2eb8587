# Public pages: home, register, login.
home-title = تطوّع لقطر
home-heading = تطوّع حيث يُحدث وقتك فرقًا
home-lead = تم تجمع المتطوعين في قطر بالجمعيات والمراكز والمؤسسات التي تحتاجهم. أنشئ ملفك مرة واحدة، واعثر على الفرص التي تناسبك، وتابع طلباتك وساعاتك وشهاداتك في مكان واحد.
home-cta-register = انضم متطوعًا
home-cta-login = لدي حساب
home-volunteer-count = { $count ->
    [zero] كن أول متطوع في تم
    [one] انضم إلى متطوع واحد في تم
    [two] انضم إلى متطوعَين اثنين في تم
    [few] انضم إلى { $count } متطوعين في تم
    [many] انضم إلى { $count } متطوعًا في تم
   *[other] انضم إلى { $count } متطوع في تم
}
home-org-count = { $count ->
    [zero] لا توجد منظمات بعد
    [one] منظمة واحدة تنتظرك
    [two] منظمتان تنتظرانك
    [few] { $count } منظمات تنتظرك
    [many] { $count } منظمةً تنتظرك
   *[other] { $count } منظمة تنتظرك
}
home-feature-find-title = اعثر على فرصتك
home-feature-find-body = فرص من جهات موثوقة في أنحاء قطر، بحسب اهتماماتك ووقتك.
home-feature-track-title = تابع طلباتك
home-feature-track-body = اعرف لحظة بلحظة متى يُقبل طلبك ومتى تبدأ مناوبتك.
home-feature-grow-title = وثّق أثرك
home-feature-grow-body = ساعاتك وتدريباتك وشهاداتك محفوظة لك ويمكنك تصديرها متى شئت.
register-title = إنشاء حساب متطوع
register-lead = حساب واحد يكفيك للتطوع مع كل المنظمات في تم.
register-submit = إنشاء الحساب
register-have-account = لديك حساب بالفعل؟
login-title = تسجيل الدخول
login-lead = أهلًا بعودتك إلى تم.
login-submit = دخول
login-no-account = ليس لديك حساب؟
field-full-name = الاسم الكامل
field-full-name-hint = كما تريد أن يظهر للمنظمات.
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-password-hint = عشرة أحرف على الأقل. عبارة من بضع كلمات لا رابط بينها قوية وسهلة التذكر.
err-full-name-required = اكتب اسمك الكامل.
err-full-name-too-long = الاسم أطول من المسموح (١٠٠ حرف).
err-full-name-invalid = الاسم يحتوي على رموز غير مسموح بها.
err-email-required = اكتب بريدك الإلكتروني.
err-email-invalid = هذا لا يبدو بريدًا إلكترونيًا صحيحًا، مثل name@example.qa.
err-email-taken = يوجد حساب بهذا البريد الإلكتروني. سجّل الدخول بدلًا من ذلك.
err-password-too-short = كلمة المرور قصيرة: عشرة أحرف على الأقل.
err-password-too-long = كلمة المرور أطول من المسموح (١٢٨ حرفًا).
err-password-weak = كلمة المرور هذه سهلة التخمين. استخدم عبارة أطول من عدة كلمات لا رابط بينها، دون اسمك أو بريدك الإلكتروني.
err-login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
verify-title = أكّد عنوان بريدك الإلكتروني
verify-lead = أكّد أن هذا العنوان لك، لتثق به الجهات ويتمكن تم من التواصل معك.
verify-submit = تأكيد عنواني
forgot-title = نسيت كلمة المرور؟
forgot-lead = أدخل البريد الإلكتروني لحسابك، وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.
forgot-submit = أرسل لي رابطًا
forgot-sent = إن كان هناك حساب بهذا العنوان فقد أرسلنا إليه رابطًا لاختيار كلمة مرور جديدة. يعمل الرابط مرة واحدة خلال ٣٠ دقيقة. تحقق من مجلد الرسائل غير المرغوب فيها أيضًا.
reset-title = اختر كلمة مرور جديدة
reset-lead = بعد ذلك سيُسجَّل خروجك من كل الأجهزة، ويمكنك الدخول بكلمة المرور الجديدة.
reset-submit = حفظ كلمة المرور الجديدة
reset-done = غُيّرت كلمة المرور وانتهت كل الجلسات. سجّل الدخول بكلمة المرور الجديدة.
field-new-password = كلمة المرور الجديدة
login-forgot = نسيت كلمة المرور؟
login-code-title = أدخل رمز الدخول
login-code-lead = التحقق بخطوتين مفعّل لهذا الحساب. افتح تطبيق المصادقة وأدخل الرمز الذي يظهر لحساب تم.
login-code-submit = متابعة
field-code = الرمز
field-code-hint = الرمز المكوّن من ٦ أرقام من تطبيقك، أو أحد رموز الاسترداد.
consent-title = موافقة ولي الأمر على تطوع من هم دون 18 عامًا
consent-lead = { $guardian }، ذكرك { $volunteer } وليًّا لأمره في تم، الشبكة الوطنية للتطوع في قطر، ويطلب موافقتك على التطوع.
consent-point-apply = بموافقتك يستطيع التقدم إلى فرص التطوع، وتتحقق الجهات من الحد الأدنى للعمر في كل فرصة.
consent-point-data = تحتفظ تم بملفه لتوفيقه مع الفرص، ولا تشاركه إلا مع الجهات التي يتقدم إليها.
consent-point-withdraw = يمكنك سحب موافقتك في أي وقت بالكتابة إلى privacy@tam.qa.
consent-submit = أوافق
consent-done = شكرًا لك. سُجّلت موافقتك، ويمكنه الآن التقدم إلى الفرص.
register-read = قبل أن تنضم، اقرأ:
field-accept = موافقتك
field-accept-hint = الأولى مطلوبة للانضمام، والثانية يمكنك تغييرها في أي وقت من صفحتك.
register-accept-policies = قرأت إشعار الخصوصية وميثاق المتطوع وأوافق عليهما.
register-accept-news = أرسلوا إليّ رسائل بريد عن الفرص الجديدة وأخبار تم (اختياري).
privacy-body = تم هي الشبكة الوطنية للتطوع في قطر. يبيّن هذا الإشعار ما نحتفظ به عنك، ولماذا، وما يمكنك فعله بشأنه.

    ما نحتفظ به: اسمك وبريدك الإلكتروني وكلمة مرورك (بصيغة مُعمّاة لا يمكن إرجاعها)؛ والملف الذي تملؤه (الأسماء ورقم الجوال وتاريخ الميلاد والجنس والجنسية والبلدية والتعليم واللغات والمهارات والمجالات وأوقات الفراغ وجهة الاتصال في الطوارئ، وولي الأمر لمن هم دون 18 عامًا)؛ وجلساتك (الجهاز والعنوان والأوقات)؛ والبريد الذي نرسله إليك؛ وسجل أمان حسابك.

    لماذا: لنوفّق بينك وبين الفرص، ولتقرر الجهات التي تتقدم إليها؛ ولنحافظ على أمان حسابك؛ ولنعرض التطوع في البلاد بأعداد لا تسمّي أحدًا.

    من يراه: أنت؛ ومنسقو الجهات التي تتقدم إليها، ما يحتاجون إليه للقرار فقط؛ ومشرفو تم، ويُسجَّل كل عرض أو تصدير منهم لبياناتك.

    حقوقك: من صفحتك يمكنك تنزيل نسخة من كل بياناتك وتصحيحها وسحب الموافقات الاختيارية وحذف حسابك. للاستفسار: privacy@tam.qa.
charter-body = يقدّم المتطوعون في تم وقتهم بلا مقابل، ويُستقبَلون باحترام. بانضمامك توافق على:

    أن تصدق في ملفك وطلباتك، وأن تحضر المناوبات التي قُبلت فيها، أو تنسحب في الوقت المناسب ليأخذ غيرك مكانك.

    أن تحترم من تخدمهم والجهات التي تتطوع معها وتعليماتها وقوانين دولة قطر، وأن تحفظ خصوصية ما تعرفه عن الآخرين أثناء تطوعك.

    أن تتطوع بأمان: تتبع تعليمات السلامة المعطاة لك، وتخبر المنسق عندما يكون هناك خطأ.

    وتوافق الجهات في تم بدورها على استقبال المتطوعين وتدريبهم والإشراف عليهم والحفاظ على سلامتهم وتسجيل ساعاتهم بصدق.
home-for-organizations = جمعية أو مركز أو مؤسسة في قطر تبحث عن متطوعين؟
home-account-deleted = حُذف حسابك. شكرًا لك على الوقت الذي منحته.
opportunities-title = فرص التطوع
opportunities-lead = ما تحتاج إليه الجهات في أنحاء قطر، الأقرب موعدًا أولًا. رشّح حسب المجال والمهارة والمكان والتاريخ والمقاعد المتاحة؛ ويمكن مشاركة عنوان القائمة المرشّحة.
opportunities-empty = لا توجد فرصة تطابق هذه المرشحات. جرّب مرشحات أقل.
filter-words-opportunity = كلمات
field-cause = المجال
field-skill = المهارة
field-municipality-where = البلدية
filter-from = من
filter-to = إلى
filter-seats = فقط ما فيه مقاعد متاحة
opportunity-next = المناوبة القادمة: { $date }
opportunity-seats = { $taken } من { $capacity } مشغولة
opportunity-shifts = المناوبات
opportunity-login-to-apply = سجّل الدخول لتتقدم
opportunity-nothing-to-apply = تقدمت إلى كل المناوبات القادمة.
opportunity-apply = تقدّم
opportunity-applied = أُرسل طلبك. سترى القرار في صفحتك.
field-shifts = المناوبات التي تتقدم إليها
shift-label = من { $start } إلى { $end } ({ $taken } من { $capacity } مشغولة)
field-motivation = لماذا تود المشاركة (اختياري)
field-motivation-hint = كلمات قليلة للمنسق.
err-shift-choose = اختر مناوبة واحدة على الأقل.
filter-day = يوم الأسبوع
filter-sort = الترتيب
sort-date = التاريخ، الأقرب أولًا
sort-fit = الأنسب لي
sort-fit-login = سجّل الدخول لترتيب الفرص بحسب ما يناسبك؛ والقائمة حتى ذلك الحين بحسب التاريخ.
reason-skill = تناسب مهارتك: { $what }
reason-cause = قضية تهمك: { $what }
reason-slot = في وقت أنت متاح فيه: { $what }
reason-near = قريبة منك: { $what }
fit-clash = بعض مناوباتها يتعارض مع مناوبة قُبلت فيها.
verify-certificate-title = التحقق من شهادة
verify-certificate-valid = أصدرت تم هذه الشهادة وهي قائمة: البيانات أدناه كما سُجّلت.
verify-certificate-superseded = أصدرت تم هذه الشهادة لكنها لم تعد قائمة: أُلغي بعض ساعاتها بعد إصدارها.
verify-certificate-invalid = ليست هذه شهادة أصدرتها تم. ربما كُتب الرمز خطأً أو عُدّل.
impact-title = أثرنا
impact-lead = التطوع في أنحاء قطر عبر تم بالأرقام. لا نعرض إلا المجاميع، فلا يمكن تمييز أي شخص.
impact-volunteers = المتطوعون
impact-hours = الساعات المقدَّمة
impact-opportunities = الفرص المفتوحة
impact-organizations = الجهات
impact-by-cause = المتطوعون حسب المجال
impact-suppressed = أقل من 10
impact-suppressed-list = لا تُعرض لأنها تضم أقل من 10 أشخاص: { $groups }.
impact-note = لا تُعرض المجموعات التي تضم أقل من 10 أشخاص. تُحدَّث الأرقام كل عشر دقائق.
training-title = التدريب
training-lead = دورات تبني مهاراتك وتمنحك المؤهلات التي تشترطها بعض الفرص. سجّل قبل الجلسة الأولى.
training-empty = لا دورات مفتوحة الآن.
course-by-network = تم، الشبكة الوطنية للتطوع في قطر
course-grants = تمنح { $qualification }
course-grants-months = تمنح { $qualification }، صالحًا { $months ->
    [one] شهرًا واحدًا
    [two] شهرين
    [few] { $months } أشهر
   *[other] { $months } شهرًا
}
course-starts = تبدأ { $when }
course-sessions = { $count ->
    [one] جلسة واحدة
    [two] جلستان
    [few] { $count } جلسات
   *[other] { $count } جلسة
}
course-seats-left = { $count ->
    [0] لا أماكن متبقية
    [one] مكان واحد متبقٍّ
    [two] مكانان متبقيان
    [few] { $count } أماكن متبقية
   *[other] { $count } مكانًا متبقيًا
}
course-sessions-title = الجلسات
course-sessions-lead = يحجز لك التسجيل مكانًا في كل الجلسات. احضرها كلها لتُمنح المؤهل.
course-enrol = سجّل
course-withdraw = تخلَّ عن مكاني
course-saved = حُفظ.
course-completed = أتممت هذه الدورة وتحمل مؤهلها.
course-status-enrolled = أنت مسجّل
course-status-withdrawn = تخليت عن مكانك
course-status-completed = مكتملة
err-course-full = إحدى جلسات هذه الدورة ممتلئة.
err-course-started = بدأت هذه الدورة.
err-course-enrolled = أنت مسجّل في هذه الدورة.
opportunity-granting-courses = تمنحه دورة:
