rule "aws-cognito-user-pool-advanced-security" {
  title     = "Cognito user pool does not enforce advanced security (threat protection)"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_cognito_user_pool"]

  description = <<-EOT
    Cognito's advanced security features (threat protection) score every sign-in for risk (new
    device, unusual location, known-bad IP), check passwords against lists of leaked credentials,
    and, when enforced, block the sign-in or demand MFA. Without `user_pool_add_ons` the mode is
    `OFF`; `AUDIT` only records the risk and lets every sign-in through. Medium: defence in depth
    against credential stuffing and account takeover. Protecting the application's sign-in is the
    customer's configuration under the shared responsibility model. Advanced security is billed per
    monthly active user and needs the Plus feature plan on pools created after November 2024
    (`user_pool_tier = "PLUS"`); where that is not wanted, suppress this finding with the reason.
  EOT
  remediation = <<-EOT
    Enforce advanced security:

        resource "aws_cognito_user_pool" "users" {
          name              = "users"
          mfa_configuration = "ON"

          user_pool_add_ons {
            advanced_security_mode = "ENFORCED"
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html",
  ]

  assert {
    # No user_pool_add_ons block: advanced security is OFF.
    attribute "user_pool_add_ons.advanced_security_mode" {
      equals = "ENFORCED"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_user_pool" "users" {  # expect: aws-cognito-user-pool-advanced-security
        name              = "users"
        mfa_configuration = "ON"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_user_pool" "users" {
        name              = "users"
        mfa_configuration = "ON"

        user_pool_add_ons {
          advanced_security_mode = "AUDIT"  # expect: aws-cognito-user-pool-advanced-security
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cognito_user_pool" "users" {
        name              = "users"
        mfa_configuration = "ON"

        user_pool_add_ons {
          advanced_security_mode = "ENFORCED"
        }
      }
    EOT
  }
}
