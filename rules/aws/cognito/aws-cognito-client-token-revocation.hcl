rule "aws-cognito-client-token-revocation" {
  title     = "Cognito app client cannot revoke refresh tokens"
  severity  = "low"
  area      = "identity-access"
  resources = ["aws_cognito_user_pool_client"]

  description = <<-EOT
    Refresh tokens of a Cognito app client live for 30 days by default and mint new access and
    ID tokens without a password. With `enable_token_revocation = false`, signing a user out or
    calling `RevokeToken` after a device is lost or a token leaks does not invalidate the refresh
    token: it keeps working until it expires. The argument defaults to `true`, so only an
    explicit `false` is reported. Session handling of the application is the customer's
    configuration under the shared responsibility model. Low: it lengthens the life of a stolen
    session rather than opening access.
  EOT
  remediation = <<-EOT
    Keep token revocation on:

        resource "aws_cognito_user_pool_client" "web" {
          name                    = "web"
          user_pool_id            = aws_cognito_user_pool.users.id
          enable_token_revocation = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool_client#enable_token_revocation",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html",
  ]

  assert {
    attribute "enable_token_revocation" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cognito_user_pool_client" "web" {
        name                    = "web"
        user_pool_id            = "eu-west-1_AbCdEf123"
        enable_token_revocation = false  # expect: aws-cognito-client-token-revocation
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_cognito_user_pool_client" "web" {
        name         = "web"
        user_pool_id = "eu-west-1_AbCdEf123"
      }
    EOT
  }
}
