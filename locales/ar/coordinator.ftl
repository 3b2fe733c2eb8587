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
