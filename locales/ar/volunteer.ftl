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
