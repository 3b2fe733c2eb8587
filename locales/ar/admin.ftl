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
