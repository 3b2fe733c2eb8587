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
