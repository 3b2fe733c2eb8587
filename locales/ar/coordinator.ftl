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
apply-lead = { $gender ->
        [female] يمكن للجمعيات والمراكز والمؤسسات في قطر نشر فرص التطوع على تم. عرّفينا بجهتك؛ يتحقق أحد المشرفين من ترخيصها ويرد عليك بالبريد، عادةً خلال يومي عمل. وتصبحين أنتِ أول منسقة لها.
        [male] يمكن للجمعيات والمراكز والمؤسسات في قطر نشر فرص التطوع على تم. عرّفنا بجهتك؛ يتحقق أحد المشرفين من ترخيصها ويرد عليك بالبريد، عادةً خلال يومي عمل. وتصبح أنت أول منسق لها.
       *[other] يمكن للجمعيات والمراكز والمؤسسات في قطر نشر فرص التطوع على تم. يبدأ ذلك بالتعريف بجهتك؛ يتحقق أحد المشرفين من ترخيصها ويرد عليك بالبريد، عادةً خلال يومي عمل. ومع القبول يصبح حسابك أول حساب منسق لها.
    }
apply-already = { $gender ->
        [female] أنتِ منسقة لجهة بالفعل.
        [male] أنت منسق لجهة بالفعل.
       *[other] لديك دور تنسيق لجهة بالفعل.
    }
apply-pending = طلبك لتسجيل { $org } قيد المراجعة. سنرسل إليك القرار بالبريد.
apply-rejected = لم يُقبل طلبك لتسجيل { $org }، للسبب التالي:
apply-submit = أرسل الطلب
err-apply-unverified = { $gender ->
        [female] أكّدي بريدك الإلكتروني أولًا (أرسلنا إليك رابطًا عند التسجيل): منسق الجهة يحتاج إلى عنوان مؤكَّد.
        [male] أكّد بريدك الإلكتروني أولًا (أرسلنا إليك رابطًا عند التسجيل): منسق الجهة يحتاج إلى عنوان مؤكَّد.
       *[other] يلزم تأكيد بريدك الإلكتروني أولًا (أرسلنا إليك رابطًا عند التسجيل): منسق الجهة يحتاج إلى عنوان مؤكَّد.
    }
err-already-coordinator = { $gender ->
        [female] أنتِ منسقة لجهة بالفعل؛ الشخص الواحد ينسق لجهة واحدة.
        [male] أنت منسق لجهة بالفعل؛ الشخص الواحد ينسق لجهة واحدة.
       *[other] لديك دور تنسيق لجهة بالفعل؛ الشخص الواحد ينسق لجهة واحدة.
    }
err-application-pending = لديك طلب قيد المراجعة بالفعل.
err-description-required = { $gender ->
        [female] صفي الجهة بالعربية أو بالإنجليزية أو بكلتيهما.
        [male] صف الجهة بالعربية أو بالإنجليزية أو بكلتيهما.
       *[other] يلزم وصف الجهة بالعربية أو بالإنجليزية أو بكلتيهما.
    }
err-licence-number-invalid = { $gender ->
        [female] أدخلي رقم الترخيص أو التسجيل كما هو مكتوب في الترخيص (حروف وأرقام وشرطات وخطوط مائلة).
        [male] أدخل رقم الترخيص أو التسجيل كما هو مكتوب في الترخيص (حروف وأرقام وشرطات وخطوط مائلة).
       *[other] يُكتب رقم الترخيص أو التسجيل كما هو مكتوب في الترخيص (حروف وأرقام وشرطات وخطوط مائلة).
    }
err-licence-expired = هذا التاريخ قد مضى: يجب أن يكون الترخيص ساريًا للانضمام إلى تم.
err-website-invalid = { $gender ->
        [female] أدخلي عنوان الموقع كاملًا، يبدأ بـ https://.
        [male] أدخل عنوان الموقع كاملًا، يبدأ بـ https://.
       *[other] يُكتب عنوان الموقع كاملًا، ويبدأ بـ https://.
    }
err-invitee-coordinator = هذا الشخص منسق لجهة بالفعل.
err-invite-other-address = { $gender ->
        [female] أُرسلت هذه الدعوة إلى عنوان بريد آخر. سجّلي الدخول بالعنوان الذي أُرسلت إليه.
        [male] أُرسلت هذه الدعوة إلى عنوان بريد آخر. سجّل الدخول بالعنوان الذي أُرسلت إليه.
       *[other] أُرسلت هذه الدعوة إلى عنوان بريد آخر. يلزم تسجيل الدخول بالعنوان الذي أُرسلت إليه.
    }
err-last-coordinator = { $gender ->
        [female] تحتاج الجهة إلى منسق واحد على الأقل: ادعي منسقًا آخر قبل إزالة هذا الحساب.
        [male] تحتاج الجهة إلى منسق واحد على الأقل: ادعُ منسقًا آخر قبل إزالة هذا الحساب.
       *[other] تحتاج الجهة إلى منسق واحد على الأقل: تلزم دعوة منسق آخر قبل إزالة هذا الحساب.
    }
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
org-invite-lead = نرسل إليه رابطًا يعمل مرة واحدة خلال { 7 } أيام. يسجّل الدخول أو ينشئ حسابًا بذلك العنوان ثم يقبل.
org-invite-submit = أرسل الدعوة
org-invited = أُرسلت الدعوة.
org-invites-open = دعوات لم تُقبل بعد
org-invite-until = سارية حتى { $date }
licence-expired = { $gender ->
        [female] انتهى ترخيص الجهة في { $date }. أرسلي الترخيص المجدَّد إلى مشرفي تم.
        [male] انتهى ترخيص الجهة في { $date }. أرسل الترخيص المجدَّد إلى مشرفي تم.
       *[other] انتهى ترخيص الجهة في { $date }. يُرجى إرسال الترخيص المجدَّد إلى مشرفي تم.
    }
licence-ending = { $gender ->
        [female] ينتهي ترخيص الجهة في { $date }. جدّديه في الوقت المناسب لتواصلي نشر الفرص.
        [male] ينتهي ترخيص الجهة في { $date }. جدّده في الوقت المناسب لتواصل نشر الفرص.
       *[other] ينتهي ترخيص الجهة في { $date }. يلزم تجديده في الوقت المناسب لمواصلة نشر الفرص.
    }
org-description-other-language = كتبت هذه الجهة وصفها باللغة الأخرى فقط:
org-on-tam-since = في تم منذ
org-public-opportunities = فرص التطوع لديها
org-public-none = لا توجد لدى { $org } فرص مفتوحة الآن.
invite-title = دعوة لتنسيق جهة
invite-lead = { $gender ->
        [female] أنتِ مدعوة لتنسيق { $org } في تم. أُرسلت الدعوة إلى { $email }.
        [male] أنت مدعو لتنسيق { $org } في تم. أُرسلت الدعوة إلى { $email }.
       *[other] هذه دعوة لك لتنسيق { $org } في تم. أُرسلت الدعوة إلى { $email }.
    }
invite-accept = اقبل الدعوة
invite-other-address = { $gender ->
        [female] أنتِ مسجّلة الدخول باسم { $email }، لا بالعنوان الذي أُرسلت إليه هذه الدعوة. سجّلي الخروج ثم ادخلي بذلك العنوان.
        [male] أنت مسجّل الدخول باسم { $email }، لا بالعنوان الذي أُرسلت إليه هذه الدعوة. سجّل الخروج ثم ادخل بذلك العنوان.
       *[other] تسجيل دخولك الحالي باسم { $email }، لا بالعنوان الذي أُرسلت إليه هذه الدعوة. يلزم تسجيل الخروج ثم الدخول بذلك العنوان.
    }
invite-sign-in = { $gender ->
        [female] سجّلي الدخول بذلك العنوان أو أنشئي حسابًا به، ثم عودي إلى هذا الرابط.
        [male] سجّل الدخول بذلك العنوان أو أنشئ حسابًا به، ثم عد إلى هذا الرابط.
       *[other] يلزم تسجيل الدخول بذلك العنوان أو إنشاء حساب به، ثم العودة إلى هذا الرابط.
    }
sector-charity = عمل خيري
sector-humanitarian = إغاثة إنسانية
sector-health = الصحة
sector-education = التعليم
sector-youth-sports = الشباب والرياضة
sector-culture = الثقافة والتراث
sector-environment = البيئة
sector-social = الخدمات الاجتماعية
sector-government = جهة حكومية
err-title-required = { $gender ->
        [female] أعطي الفرصة عنوانًا بالعربية أو بالإنجليزية أو بكلتيهما.
        [male] أعطِ الفرصة عنوانًا بالعربية أو بالإنجليزية أو بكلتيهما.
       *[other] يلزم عنوان للفرصة بالعربية أو بالإنجليزية أو بكلتيهما.
    }
err-number-range = { $gender ->
        [female] أدخلي عددًا صحيحًا ضمن النطاق المسموح.
        [male] أدخل عددًا صحيحًا ضمن النطاق المسموح.
       *[other] المطلوب عدد صحيح ضمن النطاق المسموح.
    }
err-datetime-invalid = { $gender ->
        [female] أدخلي تاريخًا ووقتًا، مثل 2026-12-05 08:00.
        [male] أدخل تاريخًا ووقتًا، مثل 2026-12-05 08:00.
       *[other] المطلوب تاريخ ووقت، مثل 2026-12-05 08:00.
    }
err-shift-past = يجب أن تبدأ المناوبة في المستقبل.
err-shift-ends = تنتهي المناوبة بعد بدايتها، وخلال { 24 } ساعة.
err-shift-required = { $gender ->
        [female] أضيفي مناوبة واحدة على الأقل.
        [male] أضف مناوبة واحدة على الأقل.
       *[other] يلزم إضافة مناوبة واحدة على الأقل.
    }
err-too-many-shifts = { $gender ->
        [female] للفرصة الواحدة { 60 } مناوبة على الأكثر. اجعلي السلسلة أقصر.
        [male] للفرصة الواحدة { 60 } مناوبة على الأكثر. اجعل السلسلة أقصر.
       *[other] للفرصة الواحدة { 60 } مناوبة على الأكثر. يلزم تقصير السلسلة.
    }
err-shift-full = هذه المناوبة ممتلئة: أُعطيت جميع المقاعد.
err-shift-clash = يتعارض هذا الطلب مع قبول سابق في مناوبة أخرى في الوقت نفسه: { $shift }.
err-apply-clash = { $gender ->
        [female] لديك مكان في مناوبة أخرى في الوقت نفسه: { $shift }. انسحبي منها أولًا إن أردت هذه.
        [male] لديك مكان في مناوبة أخرى في الوقت نفسه: { $shift }. انسحب منها أولًا إن أردت هذه.
       *[other] لديك مكان في مناوبة أخرى في الوقت نفسه: { $shift }. يلزم الانسحاب منها أولًا للتقدم إلى هذه.
    }
err-already-decided = تم البت في هذا الطلب أو سحبه من قبل.
org-opportunities-title = الفرص
org-opportunities-empty = { $gender ->
        [female] لا توجد فرص بعد. أنشئي أول فرصة أدناه.
        [male] لا توجد فرص بعد. أنشئ أول فرصة أدناه.
       *[other] لا توجد فرص بعد. يمكنك إنشاء أول فرصة أدناه.
    }
org-opportunity-created = { $gender ->
        [female] حُفظت الفرصة مسودةً. انشريها عندما تكون جاهزة.
        [male] حُفظت الفرصة مسودةً. انشرها عندما تكون جاهزة.
       *[other] حُفظت الفرصة مسودةً. يمكنك نشرها عندما تكون جاهزة.
    }
org-opportunity-new = فرصة جديدة
org-opportunity-new-lead = { $gender ->
        [female] اكتبي العنوان والوصف بالعربية أو الإنجليزية أو بكلتيهما. الأوقات بتوقيت قطر. تُنشأ السلسلة الأسبوعية (مثل كل سبت لمدة { 8 } أسابيع) في خطوة واحدة.
        [male] اكتب العنوان والوصف بالعربية أو الإنجليزية أو بكلتيهما. الأوقات بتوقيت قطر. تُنشأ السلسلة الأسبوعية (مثل كل سبت لمدة { 8 } أسابيع) في خطوة واحدة.
       *[other] يُكتب العنوان والوصف بالعربية أو الإنجليزية أو بكلتيهما. الأوقات بتوقيت قطر. تُنشأ السلسلة الأسبوعية (مثل كل سبت لمدة { 8 } أسابيع) في خطوة واحدة.
    }
org-opportunity-create = احفظ مسودة
org-opportunity-publish = انشر
org-opportunity-close = أغلق أمام الطلبات الجديدة
org-opportunity-pending = { $count ->
    [zero] لا توجد طلبات بانتظار القرار
    [one] طلب واحد بانتظار القرار
    [two] طلبان بانتظار القرار
    [few] { $count } طلبات بانتظار القرار
   *[other] { $count } طلبًا بانتظار القرار
}
opportunity-status-draft = مسودة
opportunity-status-published = منشورة
opportunity-status-closed = مغلقة
field-title-ar = العنوان بالعربية
field-title-en = العنوان بالإنجليزية
field-description-ar = الوصف بالعربية
field-description-en = الوصف بالإنجليزية
field-place = المكان
field-required-skills = المهارات المطلوبة
field-preferred-skills = مهارات مفيدة
field-required-qualification = المؤهل المطلوب
field-required-qualification-hint = { $gender ->
        [female] لا يتقدم إلا من يحمله ساريًا في يوم المناوبة. اتركيه فارغًا إن لم يلزم مؤهل.
        [male] لا يتقدم إلا من يحمله ساريًا في يوم المناوبة. اتركه فارغًا إن لم يلزم مؤهل.
       *[other] لا يتقدم إلا من يحمله ساريًا في يوم المناوبة. يُترك فارغًا إن لم يلزم مؤهل.
    }
field-min-age = الحد الأدنى للعمر
field-min-age-hint = من { 13 } إلى { 100 }؛ { 16 } إن تُرك فارغًا. ويحتاج من هم دون { 18 } إلى موافقة ولي الأمر.
field-gender-rule = من يمكنه التقدم
gender-rule-any = الجميع
gender-rule-women = النساء فقط
gender-rule-men = الرجال فقط
field-signup-cutoff = يُغلق التسجيل
field-withdraw-cutoff = يُغلق الانسحاب
field-cutoff-hint = عدد الساعات قبل بدء المناوبة؛ فارغ إن لم يوجد.
hours-before = قبل المناوبة بـ{ $hours } ساعة
field-shift-starts = بداية المناوبة
field-shift-ends = نهاية المناوبة
field-shift-time-hint = بتوقيت قطر.
field-capacity = عدد المقاعد
field-weeks = التكرار الأسبوعي، عدد الأسابيع
field-weeks-hint = { 1 } (أو فارغ) لمناوبة واحدة، وحتى { 52 }.
org-applications-title = الطلبات
org-applications-lead = { $gender ->
        [female] الطلبات التي تنتظر قرارك، خمسون في كل صفحة، الأقدم أولًا ما لم تختاري غير ذلك. القبول يأخذ مقعدًا، ويُبلَّغ المتطوع.
        [male] الطلبات التي تنتظر قرارك، خمسون في كل صفحة، الأقدم أولًا ما لم تختر غير ذلك. القبول يأخذ مقعدًا، ويُبلَّغ المتطوع.
       *[other] الطلبات التي تنتظر قرارك، خمسون في كل صفحة، الأقدم أولًا ما لم يُختر ترتيب آخر. القبول يأخذ مقعدًا، ويُبلَّغ المتطوع.
    }
org-applications-empty = لا يوجد طلب ينتظر قرارًا.
queue-approve = اقبل
queue-waitlist = قائمة الانتظار
queue-reject = ارفض
queue-attended = حضور المناوبات
queue-no-shows = مرات الغياب
queue-late-withdrawals = انسحابات متأخرة
queue-seats = المقاعد المشغولة
field-reason-volunteer-hint = مطلوب للرفض، ويراه المتطوع.
queue-count = بانتظار القرار: { $count }
queue-offer = المقعد معروض حتى
err-not-approved = لا يُلغى إلا مكان مقبول.
err-message-required = { $gender ->
        [female] اكتبي رسالة من { 3 } أحرف على الأقل.
        [male] اكتب رسالة من { 3 } أحرف على الأقل.
       *[other] يلزم أن تتكون الرسالة من { 3 } أحرف على الأقل.
    }
err-pick-some = { $gender ->
        [female] اختاري طلبًا واحدًا على الأقل.
        [male] اختر طلبًا واحدًا على الأقل.
       *[other] يلزم اختيار طلب واحد على الأقل.
    }
err-pick-too-many = { 200 } طلب على الأكثر في المرة الواحدة.
err-bulk-some-refused = تعذّر البت في { $count } من الطلبات (مناوبة ممتلئة أو تعارض أو قرار سابق)، وبُتّ في البقية.
roster-title = قائمة المناوبة
roster-lead = كل المقبولين في هذه المناوبة، مع وسائل التواصل معهم يوم المناوبة.
roster-empty = لم يُقبل أحد في هذه المناوبة بعد.
roster-print = اطبع
roster-csv = نزّل القائمة (CSV)
roster-cancel = ألغِ هذا المكان
roster-message = راسل كل من في هذه المناوبة
field-message = الرسالة
field-message-hint = تُرسل بالبريد إلى كل متطوع مقبول وتظهر في إشعاراته.
roster-message-send = أرسل الرسالة
roster-link = قائمة المناوبة
queue-pick = اختر
queue-bulk = البت في الطلبات المختارة
col-contact = التواصل
roster-message-sent = أُرسلت رسالتك إلى كل من في هذه المناوبة.
queue-bulk-submit = قرّر في المختارة
field-decision = القرار
decision-approve = اقبل
decision-waitlist = ضع في قائمة الانتظار
decision-reject = ارفض
field-reason-bulk-hint = مطلوب للرفض؛ يُرسل السبب نفسه إلى كل متطوع.
err-capacity-below-taken = { $gender ->
        [female] قُبل { $taken } متطوعين في هذه المناوبة: ألغي أماكن أولًا لتقلّلي المقاعد.
        [male] قُبل { $taken } متطوعين في هذه المناوبة: ألغِ أماكن أولًا لتقلّل المقاعد.
       *[other] قُبل { $taken } متطوعين في هذه المناوبة: يلزم إلغاء أماكن أولًا لتقليل المقاعد.
    }
org-opportunity-edit = عدّل
org-opportunity-duplicate = انسخها مسودة جديدة
org-opportunity-save = احفظ التفاصيل
org-opportunity-saved = حُفظت التفاصيل. تبقى الطلبات المقدمة كما هي.
org-opportunity-copied = { $gender ->
        [female] هذه نسخة محفوظة مسودة: راجعي مناوباتها ثم انشريها.
        [male] هذه نسخة محفوظة مسودة: راجع مناوباتها ثم انشرها.
       *[other] هذه نسخة محفوظة مسودة: يلزم مراجعة مناوباتها قبل نشرها.
    }
org-opportunity-shifts = المناوبات القادمة
org-opportunity-no-shifts = { $gender ->
        [female] لا مناوبة قادمة: أضيفي واحدة أدناه.
        [male] لا مناوبة قادمة: أضف واحدة أدناه.
       *[other] لا مناوبة قادمة: يمكنك إضافة واحدة أدناه.
    }
org-opportunity-add-shifts = أضف مناوبات
org-shift-save = احفظ هذه المناوبة
org-shift-add = أضف
field-shift-scope = التغيير يشمل
shift-scope-this = هذه المناوبة فقط
shift-scope-following = هذه المناوبة وكل ما يليها في السلسلة

## الحضور
err-attendance-too-early = يمكن تسجيل الحضور ابتداءً من ساعة قبل بدء المناوبة.
err-checkout-not-in = لم يُسجَّل الحضور بعد، فلا يمكن تسجيل الانصراف.
checkin-screen-title = تسجيل الحضور
checkin-screen-lead = { $gender ->
        [female] اعرضي هذا الرمز على المتطوعين القادمين إلى المناوبة: يمسحونه بكاميرا الهاتف فيُسجَّل حضورهم. يتغير كل { 30 } ثانية، ولا يعمل رمز مضى عليه أكثر من دقيقة.
        [male] اعرض هذا الرمز على المتطوعين القادمين إلى المناوبة: يمسحونه بكاميرا الهاتف فيُسجَّل حضورهم. يتغير كل { 30 } ثانية، ولا يعمل رمز مضى عليه أكثر من دقيقة.
       *[other] يُعرض هذا الرمز على المتطوعين القادمين إلى المناوبة: يمسحونه بكاميرا الهاتف فيُسجَّل حضورهم. يتغير كل { 30 } ثانية، ولا يعمل رمز مضى عليه أكثر من دقيقة.
    }
checkin-screen-qr = رمز تسجيل الحضور لهذه المناوبة
checkin-screen-link = الرمز نفسه رابطًا:
checkin-screen-open = افتح شاشة تسجيل الحضور
attendance-title = الحضور
attendance-lead = { $gender ->
        [female] اختاري المتطوعين من القائمة ثم سجّلي حضورهم. لا تُحتسب الساعات إلا ضمن وقت المناوبة.
        [male] اختر المتطوعين من القائمة ثم سجّل حضورهم. لا تُحتسب الساعات إلا ضمن وقت المناوبة.
       *[other] يُختار المتطوعون من القائمة ثم يُسجَّل حضورهم. لا تُحتسب الساعات إلا ضمن وقت المناوبة.
    }
field-attendance = سجّل
attendance-present = حضور
attendance-late = حضور متأخر
attendance-no_show = غياب
attendance-submit = سجّل للمتطوعين المختارين
attendance-check-out = سجّل الانصراف الآن
attendance-none = لم يُسجَّل بعد
attendance-in = الوصول { $time }
attendance-out = الانصراف { $time }
attendance-checkout-missing = لم يُسجَّل الانصراف: أُغلق عند نهاية المناوبة
checkin-screen-next = اعرض الرمز الحالي
org-hours-title = الساعات المُبلَّغ عنها
org-hours-lead = ساعات يبلّغ عنها المتطوعون لجهتكم عن عمل خارج مناوبات تم. تُحتسب الساعات المعتمدة في مجموعهم وشهاداتهم.
org-hours-empty = لا توجد ساعات مُبلَّغ عنها بانتظار القرار.
err-hours-decided = تم البت في هذه الساعات من قبل.
manage-training-title = الدورات التدريبية
manage-training-lead = { $gender ->
        [female] انشري دورات تبني مهارات المتطوعين. من يحضر كل الجلسات يُمنح مؤهل الدورة، الذي يمكن أن تشترطه الفرص.
        [male] انشر دورات تبني مهارات المتطوعين. من يحضر كل الجلسات يُمنح مؤهل الدورة، الذي يمكن أن تشترطه الفرص.
       *[other] يمكنك نشر دورات تبني مهارات المتطوعين. من يحضر كل الجلسات يُمنح مؤهل الدورة، الذي يمكن أن تشترطه الفرص.
    }
manage-training-empty = لا دورات بعد.
course-new = انشر دورة
course-create = انشر الدورة
course-created = نُشرت الدورة.
field-course-qualification = المؤهل الذي تمنحه
field-course-months = مدة صلاحية المؤهل بالأشهر
field-course-months-hint = { $gender ->
        [female] اتركيه فارغًا إن كان لا ينتهي.
        [male] اتركه فارغًا إن كان لا ينتهي.
       *[other] يُترك فارغًا إن كان لا ينتهي.
    }
field-session-starts = بداية الجلسة الأولى
field-session-ends = نهاية الجلسة الأولى
field-session-weeks = جلسات أسبوعية
field-session-weeks-hint = عدد الجلسات الأسبوعية بما فيها الأولى (واحدة إن تُرك فارغًا).
course-roster-title = سجل الدورة
course-public-page = الصفحة العامة
course-enrolled-count = { $count ->
    [zero] لا متطوعين مسجلين
    [one] متطوع واحد مسجل
    [two] متطوعان مسجلان
    [few] { $count } متطوعين مسجلين
   *[other] { $count } متطوعًا مسجلًا
}
course-session-n = الجلسة { $n }
course-mark-legend = من حضر
course-mark = احفظ الحضور
course-marked = حُفظ الحضور. مُنح المؤهلَ من حضر كل الجلسات.
course-people = المتطوعون المسجلون
course-add-sessions = أضف جلسات
course-add-sessions-submit = أضف الجلسات
err-session-below-enrolled = تحتاج الجلسة الجديدة مقعدًا لكل من سجّل في الدورة.
queue-filter = تصفية الطلبات
queue-state = الحالة
queue-opportunity = الفرصة
queue-all-opportunities = كل الفرص
queue-shift = المناوبة
queue-all-shifts = كل المناوبات
queue-order = الترتيب
queue-oldest = الأقدم أولًا
queue-newest = الأحدث أولًا
queue-show = اعرض
queue-shown = المعروض { $shown } من { $total }
queue-pages = صفحات الطلبات
queue-first-page = الصفحة الأولى
queue-next-page = الصفحة التالية
queue-new = { $count ->
    [zero] لا طلبات جديدة
    [one] طلب جديد واحد — اعرض الأحدث
    [two] طلبان جديدان — اعرض الأحدث
    [few] { $count } طلبات جديدة — اعرض الأحدث
   *[other] { $count } طلبًا جديدًا — اعرض الأحدث
}
org-now = الآن
org-stats-link = الإحصاءات: الطلبات والساعات والمتطوعون عبر الزمن
