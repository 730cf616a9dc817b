rule "aws-cognito-user-pool-mfa" {
  title     = "Cognito user pool does not require multi-factor authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_cognito_user_pool"]

  description = <<-EOT
    A user pool is the sign-in service of your application. Without MFA a stolen, phished or
    reused password is enough to take over an account. `mfa_configuration` defaults to `OFF`;
    `OPTIONAL` lets users turn MFA on for themselves but does not protect the users who do not,
    so this rule accepts only `ON`. Cognito runs the authentication service, but which factors
    your users must present is the customer's configuration under the shared responsibility
    model. `ON` (and `OPTIONAL`) need an `sms_configuration`, a
    `software_token_mfa_configuration` or an `email_mfa_configuration` block. If your pool
    deliberately uses `OPTIONAL` together with adaptive authentication (advanced security),
    suppress this finding for it.
  EOT
  remediation = "Set `mfa_configuration = \"ON\"` and enable a second factor, preferably `software_token_mfa_configuration { enabled = true }` (TOTP) rather than SMS."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html",
  ]

  assert {
    attribute "mfa_configuration" {
      equals  = "ON"
      default = "OFF"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_user_pool" "users" {  # expect: aws-cognito-user-pool-mfa
        name = "users"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_user_pool" "users" {
        name              = "users"
        mfa_configuration = "OPTIONAL"  # expect: aws-cognito-user-pool-mfa

        software_token_mfa_configuration {
          enabled = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cognito_user_pool" "users" {
        name              = "users"
        mfa_configuration = "ON"

        software_token_mfa_configuration {
          enabled = true
        }
      }
    EOT
  }
}
