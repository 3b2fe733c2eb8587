# The volunteer's own page.
me-title = My page
me-greeting = Welcome, { $name }
me-lead = This is your page on Tam: your details and your roles on the platform.
me-details = My details
me-email = Email
me-member-since = Member since
me-roles = My roles
role-volunteer = Volunteer
role-coordinator = Coordinator at { $org }
role-admin = Platform administrator
