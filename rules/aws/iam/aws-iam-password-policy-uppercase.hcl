rule "aws-iam-password-policy-uppercase" {
  title     = "IAM account password policy does not require an uppercase letter"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_iam_account_password_policy"]
  aliases   = ["CKV_AWS_15", "AVD-AWS-0061", "aws-iam-require-uppercase-in-passwords"]
  compliance = {
    "cis-aws-1.2" = ["1.5"]
  }

  description = <<-EOT
    The account password policy applies to the console passwords of IAM users. When it does not
    require an uppercase letter (A-Z), users may pick passwords from a smaller character set, which are easier
    to guess and faster to crack from a leaked hash. `require_uppercase_characters` defaults to `false`
    when the policy does not set it. Medium: the policy is defence in depth for console
    sign-in, which MFA should protect as well. Authentication settings for IAM users are the
    customer's responsibility under the shared responsibility model (better still: no IAM users
    with passwords, and federation through IAM Identity Center).
  EOT
  remediation = <<-EOT
    Set `require_uppercase_characters = true` in the `aws_iam_account_password_policy`:

        resource "aws_iam_account_password_policy" "strict" {
          minimum_password_length      = 14
          require_uppercase_characters = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  ]

  assert {
    attribute "require_uppercase_characters" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {  # expect: aws-iam-password-policy-uppercase
        minimum_password_length        = 14
        require_lowercase_characters   = true
        require_symbols                = true
        require_numbers                = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "require_uppercase" {
        type    = bool
        default = false
      }

      resource "aws_iam_account_password_policy" "strict" {
        minimum_password_length = 14
        require_uppercase_characters = var.require_uppercase  # expect: aws-iam-password-policy-uppercase
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {
        minimum_password_length        = 14
        require_lowercase_characters   = true
        require_numbers                = true
        require_symbols                = true
        require_uppercase_characters   = true
        password_reuse_prevention      = 24
      }
    EOT
  }
}
