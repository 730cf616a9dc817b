rule "aws-iam-password-policy-reuse" {
  title     = "IAM account password policy lets users reuse their last 24 passwords"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_iam_account_password_policy"]
  aliases   = ["CKV_AWS_13", "AVD-AWS-0056", "aws-iam-no-password-reuse"]
  compliance = {
    "cis-aws-1.2" = ["1.10"]
    "cis-aws-1.4" = ["1.9"]
    "cis-aws-3.0" = ["1.9"]
  }

  description = <<-EOT
    When a password leaks, the fix is to change it; if the user may change it back (or cycle
    through a few and return to it) the leaked password becomes valid again. Without
    `password_reuse_prevention` IAM remembers no earlier passwords at all. This rule follows the
    CIS AWS Foundations Benchmark and asks that the last 24 passwords be remembered (the IAM
    maximum); a smaller history such as 5 is reported too. Trivy's AVD-AWS-0056 accepts a history
    of 5 or more; onus deliberately asks for the CIS value.
    Medium: password hygiene is defence in depth behind MFA. Authentication settings for IAM
    users are the customer's responsibility under the shared responsibility model.
  EOT
  remediation = <<-EOT
    Set `password_reuse_prevention = 24`:

        resource "aws_iam_account_password_policy" "strict" {
          minimum_password_length   = 14
          password_reuse_prevention = 24
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  ]

  assert {
    # Absent: IAM remembers no previous password.
    attribute "password_reuse_prevention" {
      gte = 24
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {  # expect: aws-iam-password-policy-reuse
        minimum_password_length = 14
        require_symbols         = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {
        minimum_password_length   = 14
        password_reuse_prevention = 5  # expect: aws-iam-password-policy-reuse
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {
        minimum_password_length   = 14
        password_reuse_prevention = 24
      }
    EOT
  }
}
