# The platform administrators' area.
admin-title = إدارة المنصة
admin-lead = نظرة عامة على التطوع في تم.
admin-stat-volunteers = المتطوعون
admin-stat-organizations = المنظمات
admin-stat-coordinators = المنسقون
admin-organizations = المنظمات
col-org-name = المنظمة
col-coordinators = المنسقون
admin-no-organizations = لا توجد منظمات بعد.
admin-tools = أدوات الإدارة
admin-reset-mfa = إعادة ضبط التحقق بخطوتين لشخص ما
admin-reset-mfa-lead = { $gender ->
        [female] لمن فقد هاتفه ورموز الاسترداد. تنتهي جلساته، ويُبلَّغ بالبريد، ويسجّل سجل التدقيق أنكِ من قامت بذلك.
        [male] لمن فقد هاتفه ورموز الاسترداد. تنتهي جلساته، ويُبلَّغ بالبريد، ويسجّل سجل التدقيق أنك من قام بذلك.
       *[other] لمن فقد هاتفه ورموز الاسترداد. تنتهي جلساته، ويُبلَّغ بالبريد، ويُسجَّل في سجل التدقيق أن ذلك تم بحسابك.
    }
admin-reset-mfa-submit = إعادة ضبط التحقق بخطوتين
admin-reset-mfa-confirm = { $gender ->
        [female] لن يتمكن صاحب الحساب بعد الآن من الدخول بتطبيق المصادقة أو برموز الاسترداد، وعليه إعداد التحقق بخطوتين من جديد. وتنتهي كل جلساته. لا تفعلي ذلك إلا بعد التحقق من هوية صاحب الطلب.
        [male] لن يتمكن صاحب الحساب بعد الآن من الدخول بتطبيق المصادقة أو برموز الاسترداد، وعليه إعداد التحقق بخطوتين من جديد. وتنتهي كل جلساته. لا تفعل ذلك إلا بعد التحقق من هوية صاحب الطلب.
       *[other] لن يتمكن صاحب الحساب بعد الآن من الدخول بتطبيق المصادقة أو برموز الاسترداد، وعليه إعداد التحقق بخطوتين من جديد. وتنتهي كل جلساته. لا يُنفَّذ ذلك إلا بعد التحقق من هوية صاحب الطلب.
    }
outbox-title = صندوق البريد الصادر
outbox-lead = كل رسالة يكتبها تم، الأحدث أولًا: بانتظار الإرسال، أو مُرسلة، أو متروكة بعد يوم من المحاولات.
outbox-empty = لا توجد رسائل بعد.
outbox-status-pending = بانتظار الإرسال
outbox-status-sent = أُرسلت
outbox-status-failed = تُركت
col-time = الوقت
col-recipient = إلى
col-subject = الموضوع
col-status = الحالة
col-attempts = المحاولات
col-last-error = آخر خطأ
audit-title = سجل التدقيق
audit-lead = الأحداث الأمنية في المنصة: من فعل ماذا، وبأي حساب، ومتى، ومن أين، وبأي نتيجة. لا يمكن تعديل السجلات أو حذفها.
audit-filter-user = الحساب (البريد الإلكتروني)
audit-filter-kind = الحدث
audit-kind-any = كل الأحداث
audit-filter-from = من
audit-filter-to = إلى
audit-filter-submit = تصفية
audit-empty = لا توجد أحداث مطابقة.
audit-pages = صفحات سجل التدقيق
audit-newer = أحداث أحدث
audit-older = أحداث أقدم
col-event = الحدث
col-outcome = النتيجة
col-actor = بواسطة
col-subject-account = الحساب
col-address = العنوان
col-detail = التفاصيل
audit-kind-login = تسجيل الدخول
audit-kind-login-code = رمز الدخول
audit-kind-logout = تسجيل الخروج
audit-kind-registration = إنشاء حساب
audit-kind-email-verified = تأكيد البريد الإلكتروني
audit-kind-password-changed = تغيير كلمة المرور
audit-kind-password-reset-requested = طلب استعادة كلمة المرور
audit-kind-password-reset = استعادة كلمة المرور
audit-kind-mfa-enabled = تفعيل التحقق بخطوتين
audit-kind-mfa-disabled = إيقاف التحقق بخطوتين
audit-kind-mfa-reset = إعادة ضبط التحقق بخطوتين بواسطة مشرف
audit-kind-session-revoked = إنهاء جلسة
audit-kind-role-changed = تغيير الدور
audit-outcome-ok = نجح
audit-outcome-refused = رُفض
audit-outcome-throttled = أُبطئ (محاولات كثيرة)
audit-kind-guardian-consent = موافقة ولي الأمر
audit-kind-organization-applied = طلب انضمام جهة
audit-kind-organization-reviewed = مراجعة جهة
audit-kind-coordinator-invited = دعوة منسق
audit-kind-coordinator-removed = إزالة منسق
audit-kind-personal-data-viewed = عرض بيانات شخصية
audit-kind-personal-data-exported = تصدير بيانات شخصية
audit-kind-policy-accepted = قبول إشعار الخصوصية أو الميثاق
audit-kind-consent-withdrawn = سحب موافقة
audit-kind-account-deleted = حذف حساب
orgs-title = الجهات
orgs-lead = { $gender ->
        [female] طلبات الانضمام إلى تم، والجهات المقبولة والمرفوضة سابقًا. تحقّقي من الترخيص قبل القبول: يصبح مقدّم الطلب أول منسق للجهة.
        [male] طلبات الانضمام إلى تم، والجهات المقبولة والمرفوضة سابقًا. تحقّق من الترخيص قبل القبول: يصبح مقدّم الطلب أول منسق للجهة.
       *[other] طلبات الانضمام إلى تم، والجهات المقبولة والمرفوضة سابقًا. يلزم التحقق من الترخيص قبل القبول: يصبح مقدّم الطلب أول منسق للجهة.
    }
orgs-tabs = الجهات حسب الحالة
orgs-status-pending = بانتظار المراجعة
orgs-status-approved = مقبولة
orgs-status-rejected = مرفوضة
orgs-empty = لا شيء هنا.
orgs-applicant = مقدّم الطلب
orgs-applied-at = تاريخ الطلب
orgs-approve = اقبل
orgs-reject = ارفض
field-reason = السبب
field-reason-hint = { $gender ->
        [female] مطلوب للرفض، ويُرسل إلى مقدّم الطلب بالبريد، فاكتبيه موجّهًا إليه.
        [male] مطلوب للرفض، ويُرسل إلى مقدّم الطلب بالبريد، فاكتبه موجّهًا إليه.
       *[other] مطلوب للرفض، ويُرسل إلى مقدّم الطلب بالبريد، فليكن موجّهًا إليه.
    }
err-reason-required = { $gender ->
        [female] اكتبي سبب الرفض (بضع كلمات على الأقل): سيصل إلى مقدّم الطلب.
        [male] اكتب سبب الرفض (بضع كلمات على الأقل): سيصل إلى مقدّم الطلب.
       *[other] سبب الرفض مطلوب (بضع كلمات على الأقل): سيصل إلى مقدّم الطلب.
    }
err-already-reviewed = قرّر مشرف آخر في هذا الطلب بالفعل.
volunteers-title = المتطوعون
volunteers-lead = { $gender ->
        [female] ابحثي في قاعدة البيانات الوطنية للمتطوعين. كل قائمة وملف تفتحينه، وكل تصدير، يُسجَّل في سجل التدقيق باسمك.
        [male] ابحث في قاعدة البيانات الوطنية للمتطوعين. كل قائمة وملف تفتحه، وكل تصدير، يُسجَّل في سجل التدقيق باسمك.
       *[other] يمكنك البحث في قاعدة البيانات الوطنية للمتطوعين. كل قائمة وملف يُفتح، وكل تصدير، يُسجَّل في سجل التدقيق باسمك.
    }
volunteers-empty = لا يوجد متطوع يطابق هذه المرشحات.
volunteers-export = نزّل هؤلاء المتطوعين (CSV)
volunteers-export-note = { $gender ->
        [female] حتى 10٬000 متطوع في الملف الواحد، بالمرشحات أعلاه. احفظي الملف بأمان واحذفيه عندما لا تحتاجين إليه.
        [male] حتى 10٬000 متطوع في الملف الواحد، بالمرشحات أعلاه. احفظ الملف بأمان واحذفه عندما لا تحتاج إليه.
       *[other] حتى 10٬000 متطوع في الملف الواحد، بالمرشحات أعلاه. يلزم حفظ الملف بأمان وحذفه عند انتهاء الحاجة إليه.
    }
volunteers-back = العودة إلى البحث
volunteer-title = ملف متطوع
volunteer-logged = عرضك لهذا الملف مسجَّل في سجل التدقيق.
volunteer-completeness = الملف
volunteer-guardian-consent = موافقة ولي الأمر
filter-age-band = العمر
admin-stat-pending = جهات بانتظار المراجعة
audit-kind-application-decided = البت في طلب تطوع
tiers-title = مستويات التقدير
tiers-lead = يبلغ المتطوع مستوى حين تتجاوز ساعاته المعتمدة حدّه، ويُبلَّغ بذلك مرة واحدة بإشعار وبريد.
tiers-empty = لا مستويات بعد.
tiers-from = من { $hours } ساعة
tiers-new = أضف مستوى
tiers-name-ar = الاسم بالعربية
tiers-name-en = الاسم بالإنجليزية
tiers-min-hours = الساعات المعتمدة لبلوغه
tiers-save = احفظ المستوى
tiers-add = أضف المستوى
tiers-remove = احذف المستوى
err-tier-hours = { $gender ->
        [female] أدخلي عددًا صحيحًا من الساعات بين 1 و100000.
        [male] أدخل عددًا صحيحًا من الساعات بين 1 و100000.
       *[other] المطلوب عدد صحيح من الساعات بين 1 و100000.
    }
err-tier-taken = يبدأ مستوى آخر عند هذه الساعات.
dashboard-title = الإحصاءات
dashboard-from = من شهر
dashboard-to = إلى شهر
dashboard-organization = الجهة
dashboard-all-organizations = كل الجهات
dashboard-apply = اعرض
dashboard-csv = نزّل ملف CSV
dashboard-joined-today = متطوعون انضموا اليوم
dashboard-applied-today = متطوعون تقدموا اليوم
dashboard-pending = طلبات بانتظار القرار
dashboard-checked-in = سجّلوا حضورهم الآن
dashboard-over-time = عبر الزمن
dashboard-people = المتطوعون
dashboard-work = المجالات والجهات والفرص
dashboard-registrations = التسجيلات
dashboard-applications = الطلبات
dashboard-approved = المقاعد المعتمدة
dashboard-hours = الساعات المعتمدة
dashboard-funnel = من التسجيل إلى الحضور
dashboard-by-municipality = حسب البلدية
dashboard-by-gender = حسب الجنس
dashboard-by-age-band = حسب العمر
dashboard-by-cause = الطلبات حسب المجال
dashboard-by-sector = الساعات حسب القطاع
dashboard-top-organizations = الجهات حسب الساعات
dashboard-top-opportunities = الفرص حسب الطلبات
dashboard-col-month = الشهر
dashboard-col-volunteers = المتطوعون
dashboard-col-organization = الجهة
dashboard-col-opportunity = الفرصة
dashboard-col-stage = المرحلة
dashboard-desc-series = { $what } في كل شهر من الفترة المختارة.
dashboard-desc-breakdown = { $what }، الأكبر أولًا.
funnel-registered = سجّلوا
funnel-profile-complete = أكملوا ملفاتهم
funnel-applied = تقدموا
funnel-approved = قُبلوا
funnel-attended = حضروا
age-band-under-18 = دون { 18 }
age-band-18-24 = من { 18 } إلى { 24 }
age-band-25-34 = من { 25 } إلى { 34 }
age-band-35-44 = من { 35 } إلى { 44 }
age-band-45-59 = من { 45 } إلى { 59 }
age-band-60-plus = { 60 } فأكثر
municipality-unknown = غير مذكورة
gender-unknown = غير مذكور
sector-unknown = غير مذكور
err-month-invalid = { $gender ->
        [female] أدخلي الشهر بصيغة سنة-شهر، مثل 2026-11.
        [male] أدخل الشهر بصيغة سنة-شهر، مثل 2026-11.
       *[other] يُكتب الشهر بصيغة سنة-شهر، مثل 2026-11.
    }
err-period-long = { $gender ->
        [female] اختاري { 36 } شهرًا على الأكثر.
        [male] اختر { 36 } شهرًا على الأكثر.
       *[other] الحد الأقصى للفترة { 36 } شهرًا.
    }
audit-detail-sessions-ended = { $count ->
    [zero] لم تنتهِ أي جلسة
    [one] انتهت جلسة واحدة
    [two] انتهت جلستان
    [few] انتهت { $count } جلسات
   *[other] انتهت { $count } جلسة
}
audit-detail-other-sessions = { $count ->
    [zero] لا جلسات أخرى
    [one] جلسة أخرى واحدة
    [two] جلستان أخريان
    [few] { $count } جلسات أخرى
   *[other] { $count } جلسة أخرى
}
audit-detail-one-session = جلسة واحدة
audit-detail-organization = الجهة رقم { $id }
audit-detail-organization-decided = الجهة رقم { $id }: { $decision }
audit-detail-coordinator-of = منسق للجهة رقم { $id }
audit-detail-coordinator-invited = منسق للجهة رقم { $id } (بدعوة)
audit-detail-application = الطلب رقم { $id }: { $status } (الفرصة رقم { $opportunity })
audit-detail-admin-created = مشرف (أُنشئ بالأمر tam create-admin)
audit-detail-own-data = نسخة من بيانات صاحب الحساب (JSON)
audit-detail-password-code-next = كلمة المرور صحيحة، والرمز تاليًا
audit-detail-volunteer-profile = ملف متطوع
audit-detail-applications-queue = قائمة الطلبات
audit-detail-shift-roster = كشف مناوبة
audit-detail-shift-roster-csv = كشف مناوبة (ملف CSV)
audit-detail-volunteer-search = بحث في المتطوعين
audit-detail-volunteers-csv = قائمة متطوعين (ملف CSV)
audit-detail-document-version = { $document }، الإصدار { $version }
