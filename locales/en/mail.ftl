# Mail, written in the recipient's language. Each kind has a subject, a body and, with a link, an action.
mail-closing = Tam — Qatar's national volunteer network
mail-verify-subject = Confirm your email address on Tam
mail-verify-body = Hello { $name }, welcome to Tam. Please confirm that this email address is yours by opening the link below. It works once, for 48 hours. If you did not create an account on Tam, you can ignore this message.
mail-verify-action = Confirm my address
mail-reset-subject = Choose a new password for Tam
mail-reset-body = Hello { $name }, someone asked to reset the password of your Tam account. If it was you, open the link below to choose a new one; it works once, for 30 minutes. If it was not you, ignore this message: your password stays as it is.
mail-reset-action = Choose a new password
mail-password-changed-subject = Your Tam password was changed
mail-password-changed-body = Hello { $name }, the password of your Tam account was just changed, and your other sessions were ended. If you did not do this, reset your password at once and contact the Tam administrators.
mail-mfa-enabled-subject = Two-step sign-in is now on
mail-mfa-enabled-body = Hello { $name }, two-step sign-in was turned on for your Tam account. From now on, logging in needs a code from your authenticator app. If you did not do this, contact the Tam administrators.
mail-mfa-disabled-subject = Two-step sign-in was turned off
mail-mfa-disabled-body = Hello { $name }, two-step sign-in was turned off for your Tam account. If you did not do this, reset your password at once and contact the Tam administrators.
mail-mfa-reset-subject = An administrator reset your two-step sign-in
mail-mfa-reset-body = Hello { $name }, a Tam administrator turned off two-step sign-in for your account, as you asked, and ended your sessions. Log in with your password and turn it on again with your new phone.
