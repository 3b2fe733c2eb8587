# The platform administrators' area.
admin-title = Platform administration
admin-lead = An overview of volunteering on Tam.
admin-stat-volunteers = Volunteers
admin-stat-organizations = Organizations
admin-stat-coordinators = Coordinators
admin-organizations = Organizations
col-org-name = Organization
col-coordinators = Coordinators
admin-no-organizations = No organizations yet.
