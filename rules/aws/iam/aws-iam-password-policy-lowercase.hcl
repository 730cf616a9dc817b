rule "aws-iam-password-policy-lowercase" {
  title     = "IAM account password policy does not require a lowercase letter"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_iam_account_password_policy"]
  aliases   = ["CKV_AWS_11", "AVD-AWS-0058", "aws-iam-require-lowercase-in-passwords"]
  compliance = {
    "cis-aws-1.2" = ["1.6"]
  }

  description = <<-EOT
    The account password policy applies to the console passwords of IAM users. When it does not
    require a lowercase letter (a-z), users may pick passwords from a smaller character set, which are easier
    to guess and faster to crack from a leaked hash. `require_lowercase_characters` defaults to `false`
    when the policy does not set it. Medium: the policy is defence in depth for console
    sign-in, which MFA should protect as well. Authentication settings for IAM users are the
    customer's responsibility under the shared responsibility model (better still: no IAM users
    with passwords, and federation through IAM Identity Center).
  EOT
  remediation = <<-EOT
    Set `require_lowercase_characters = true` in the `aws_iam_account_password_policy`:

        resource "aws_iam_account_password_policy" "strict" {
          minimum_password_length      = 14
          require_lowercase_characters = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  ]

  assert {
    attribute "require_lowercase_characters" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {  # expect: aws-iam-password-policy-lowercase
        minimum_password_length        = 14
        require_uppercase_characters   = true
        require_symbols                = true
        require_numbers                = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "require_lowercase" {
        type    = bool
        default = false
      }

      resource "aws_iam_account_password_policy" "strict" {
        minimum_password_length = 14
        require_lowercase_characters = var.require_lowercase  # expect: aws-iam-password-policy-lowercase
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
