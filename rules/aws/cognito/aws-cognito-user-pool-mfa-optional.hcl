rule "aws-cognito-user-pool-mfa-optional" {
  title     = "Cognito user pool leaves multi-factor authentication optional"
  severity  = "low"
  area      = "identity-access"
  resources = ["aws_cognito_user_pool"]

  description = <<-EOT
    With `mfa_configuration = "OPTIONAL"` each user decides whether to add a second factor. The
    users who do are protected; the many who never do can still be taken over with a phished,
    guessed or reused password. Low, below a pool with MFA `OFF` (reported by
    `aws-cognito-user-pool-mfa`): some users are protected, and a pool may pair `OPTIONAL` with
    adaptive authentication (`advanced_security_mode = "ENFORCED"`), which asks for the second
    factor when a sign-in looks risky; if yours does that deliberately, suppress this finding with
    the reason. Which factors users must present is the customer's configuration under the shared
    responsibility model.
  EOT
  remediation = <<-EOT
    Require MFA for every user, preferably with TOTP rather than SMS:

        resource "aws_cognito_user_pool" "users" {
          name              = "users"
          mfa_configuration = "ON"

          software_token_mfa_configuration {
            enabled = true
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html",
  ]

  assert {
    # `OFF` (and the absent default) is aws-cognito-user-pool-mfa's finding.
    attribute "mfa_configuration" {
      not_equals = "OPTIONAL"
      default    = "OFF"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_user_pool" "users" {
        name              = "users"
        mfa_configuration = "OPTIONAL"  # expect: aws-cognito-user-pool-mfa-optional

        software_token_mfa_configuration {
          enabled = true
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "mfa" {
        type    = string
        default = "OPTIONAL"
      }

      resource "aws_cognito_user_pool" "users" {
        name              = "users"
        mfa_configuration = var.mfa  # expect: aws-cognito-user-pool-mfa-optional

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
