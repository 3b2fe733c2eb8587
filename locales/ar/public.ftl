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
