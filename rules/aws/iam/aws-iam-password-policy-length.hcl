rule "aws-iam-password-policy-length" {
  title     = "IAM account password policy allows passwords shorter than 14 characters"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_iam_account_password_policy"]
  aliases   = ["CKV_AWS_10", "AVD-AWS-0063", "aws-iam-set-minimum-password-length"]
  compliance = {
    "cis-aws-1.2" = ["1.9"]
    "cis-aws-1.4" = ["1.8"]
    "cis-aws-3.0" = ["1.8"]
  }

  description = <<-EOT
    The account password policy applies to the console passwords of IAM users. Short passwords
    fall quickly to guessing and to cracking of leaked hashes; the CIS AWS Foundations Benchmark
    asks for at least 14 characters. `minimum_password_length` defaults to 6 when the policy does
    not set it. Authentication settings for IAM users are the customer's responsibility under the
    shared responsibility model (better still: no IAM users with passwords, and federation
    through IAM Identity Center).
  EOT
  remediation = "Set `minimum_password_length = 14` or more in the `aws_iam_account_password_policy`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  ]

  assert {
    attribute "minimum_password_length" {
      gte     = 14
      default = 6
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {  # expect: aws-iam-password-policy-length
        require_symbols = true
        require_numbers = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {
        minimum_password_length        = 14
        require_symbols                = true
        require_numbers                = true
        require_uppercase_characters   = true
        require_lowercase_characters   = true
        password_reuse_prevention      = 24
        allow_users_to_change_password = true
      }
    EOT
  }
}
