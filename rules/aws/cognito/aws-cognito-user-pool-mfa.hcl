rule "aws-cognito-user-pool-mfa" {
  title     = "Cognito user pool has multi-factor authentication turned off"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_cognito_user_pool"]

  description = <<-EOT
    A user pool is the sign-in service of your application. Without MFA a stolen, phished or
    reused password is enough to take over an account. `mfa_configuration` defaults to `OFF`;
    `OPTIONAL` lets users turn MFA on for themselves but does not protect the users who do not;
    that weaker case is reported by `aws-cognito-user-pool-mfa-optional` at a lower severity, so
    this rule reports only `OFF`. Cognito runs the authentication service, but which factors
    your users must present is the customer's configuration under the shared responsibility
    model. `ON` (and `OPTIONAL`) need an `sms_configuration`, a
    `software_token_mfa_configuration` or an `email_mfa_configuration` block.
  EOT
  remediation = "Set `mfa_configuration = \"ON\"` and enable a second factor, preferably `software_token_mfa_configuration { enabled = true }` (TOTP) rather than SMS."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html",
  ]

  assert {
    attribute "mfa_configuration" {
      not_equals = "OFF"
      default    = "OFF"
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
        mfa_configuration = "OFF"  # expect: aws-cognito-user-pool-mfa
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cognito_user_pool" "users" {
        name              = "users"
        mfa_configuration = "OPTIONAL"

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
