# The coordinator area of an organization.
org-title = منظمتي
org-lead = مساحة المنسقين في { $org }.
org-coordinators = المنسقون
org-coordinator-count = { $count ->
    [zero] لا يوجد منسقون
    [one] منسق واحد
    [two] منسقان
    [few] { $count } منسقين
    [many] { $count } منسقًا
   *[other] { $count } منسق
}
col-name = الاسم
col-email = البريد الإلكتروني
apply-title = تسجيل جهة
apply-lead = يمكن للجمعيات والمراكز والمؤسسات في قطر نشر فرص التطوع على تم. عرّفنا بجهتك؛ يتحقق أحد المشرفين من ترخيصها ويرد عليك بالبريد، عادةً خلال يومي عمل. وتصبح أنت أول منسق لها.
apply-already = أنت منسق لجهة بالفعل.
apply-pending = طلبك لتسجيل { $org } قيد المراجعة. سنرسل إليك القرار بالبريد.
apply-rejected = لم يُقبل طلبك لتسجيل { $org }، للسبب التالي:
apply-submit = أرسل الطلب
err-apply-unverified = أكّد بريدك الإلكتروني أولًا (أرسلنا إليك رابطًا عند التسجيل): منسق الجهة يحتاج إلى عنوان مؤكَّد.
err-already-coordinator = أنت منسق لجهة بالفعل؛ الشخص الواحد ينسق لجهة واحدة.
err-application-pending = لديك طلب قيد المراجعة بالفعل.
err-description-required = صف الجهة بالعربية أو بالإنجليزية أو بكلتيهما.
err-licence-number-invalid = أدخل رقم الترخيص أو التسجيل كما هو مكتوب في الترخيص (حروف وأرقام وشرطات وخطوط مائلة).
err-licence-expired = هذا التاريخ قد مضى: يجب أن يكون الترخيص ساريًا للانضمام إلى تم.
err-website-invalid = أدخل عنوان الموقع كاملًا، يبدأ بـ https://.
err-invitee-coordinator = هذا الشخص منسق لجهة بالفعل.
err-invite-other-address = أُرسلت هذه الدعوة إلى عنوان بريد آخر. سجّل الدخول بالعنوان الذي أُرسلت إليه.
err-last-coordinator = تحتاج الجهة إلى منسق واحد على الأقل: ادعُ منسقًا آخر قبل إزالة هذا.
field-org-name-ar = اسم الجهة بالعربية
field-org-name-en = اسم الجهة بالإنجليزية
field-org-description-ar = الوصف بالعربية
field-org-description-en = الوصف بالإنجليزية
field-org-description-hint = ماذا تعمل الجهة ولمن. تكفي لغة واحدة، واللغتان أفضل.
field-sector = القطاع
field-org-municipality = بلدية المقر الرئيسي
field-licence-number = رقم الترخيص أو التسجيل
field-licence-number-hint = كما صدر عن وزارة التنمية الاجتماعية والأسرة أو الجهة التي رخّصت لكم.
field-licence-expiry = الترخيص ساري حتى
field-contact-name = مسؤول التواصل
field-contact-phone = هاتف مسؤول التواصل
field-contact-email = بريد مسؤول التواصل
field-website = الموقع الإلكتروني
field-website-hint = اختياري، مثل https://www.example.org.qa
org-public-page = الصفحة العامة للجهة
org-you = أنت
org-remove = إزالة
org-invite = دعوة منسق
org-invite-lead = نرسل إليه رابطًا يعمل مرة واحدة خلال 7 أيام. يسجّل الدخول أو ينشئ حسابًا بذلك العنوان ثم يقبل.
org-invite-submit = أرسل الدعوة
org-invited = أُرسلت الدعوة.
org-invites-open = دعوات لم تُقبل بعد
org-invite-until = سارية حتى { $date }
licence-expired = انتهى ترخيص الجهة في { $date }. أرسل الترخيص المجدَّد إلى مشرفي تم.
licence-ending = ينتهي ترخيص الجهة في { $date }. جدّده في الوقت المناسب لتواصل نشر الفرص.
org-description-other-language = كتبت هذه الجهة وصفها باللغة الأخرى فقط:
org-on-tam-since = في تم منذ
org-public-note = ستُعرض هنا فرص التطوع لدى { $org }.
invite-title = دعوة لتنسيق جهة
invite-lead = أنت مدعو لتنسيق { $org } في تم. أُرسلت الدعوة إلى { $email }.
invite-accept = اقبل الدعوة
invite-other-address = أنت مسجّل الدخول باسم { $email }، لا بالعنوان الذي أُرسلت إليه هذه الدعوة. سجّل الخروج ثم ادخل بذلك العنوان.
invite-sign-in = سجّل الدخول بذلك العنوان أو أنشئ حسابًا به، ثم عد إلى هذا الرابط.
sector-charity = عمل خيري
sector-humanitarian = إغاثة إنسانية
sector-health = الصحة
sector-education = التعليم
sector-youth-sports = الشباب والرياضة
sector-culture = الثقافة والتراث
sector-environment = البيئة
sector-social = الخدمات الاجتماعية
sector-government = جهة حكومية
err-title-required = أعطِ الفرصة عنوانًا بالعربية أو بالإنجليزية أو بكلتيهما.
err-number-range = أدخل عددًا صحيحًا ضمن النطاق المسموح.
err-datetime-invalid = أدخل تاريخًا ووقتًا، مثل 2026-12-05 08:00.
err-shift-past = يجب أن تبدأ المناوبة في المستقبل.
err-shift-ends = تنتهي المناوبة بعد بدايتها، وخلال 24 ساعة.
err-shift-required = أضف مناوبة واحدة على الأقل.
err-too-many-shifts = للفرصة الواحدة 60 مناوبة على الأكثر. اجعل السلسلة أقصر.
err-shift-full = هذه المناوبة ممتلئة: أُعطيت جميع المقاعد.
err-shift-clash = هذا المتطوع مقبول في مناوبة أخرى في الوقت نفسه: { $shift }.
err-already-decided = تم البت في هذا الطلب أو سحبه من قبل.
