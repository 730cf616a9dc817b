rule "aws-cognito-client-user-existence-errors" {
  title     = "Cognito app client reveals whether a user exists"
  severity  = "low"
  area      = "application-workload"
  resources = ["aws_cognito_user_pool_client"]

  description = <<-EOT
    In `LEGACY` mode, sign-in, confirmation and password-recovery calls answer
    `UserNotFoundException` for an unknown user name and a different error for a wrong password.
    Anyone can then test lists of e-mail addresses against the pool to learn who has an account,
    the first step of targeted phishing and credential stuffing. With
    `prevent_user_existence_errors = "ENABLED"` both cases return the same generic error. The
    Cognito API creates clients in `LEGACY` mode when the setting is not given, so this rule asks
    for it to be set. Low: information disclosure that helps other attacks. The behaviour of the
    application's sign-in is the customer's configuration under the shared responsibility model.
  EOT
  remediation = <<-EOT
    Return generic errors for unknown users:

        resource "aws_cognito_user_pool_client" "web" {
          name                          = "web"
          user_pool_id                  = aws_cognito_user_pool.users.id
          prevent_user_existence_errors = "ENABLED"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_client",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html",
  ]

  assert {
    # Absent: the API's default, LEGACY.
    attribute "prevent_user_existence_errors" {
      equals = "ENABLED"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_user_pool_client" "web" {  # expect: aws-cognito-client-user-existence-errors
        name         = "web"
        user_pool_id = "eu-west-1_Zr231apJu"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_user_pool_client" "web" {
        name                          = "web"
        user_pool_id                  = "eu-west-1_Zr231apJu"
        prevent_user_existence_errors = "LEGACY"  # expect: aws-cognito-client-user-existence-errors
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cognito_user_pool_client" "web" {
        name                          = "web"
        user_pool_id                  = "eu-west-1_Zr231apJu"
        prevent_user_existence_errors = "ENABLED"
      }
    EOT
  }
}
