rule "aws-iam-password-policy-max-age" {
  title     = "IAM account password policy lets passwords live longer than 90 days"
  severity  = "low"
  area      = "identity-access"
  resources = ["aws_iam_account_password_policy"]
  aliases   = ["CKV_AWS_9", "AVD-AWS-0062", "aws-iam-set-max-password-age"]
  compliance = {
    "cis-aws-1.2" = ["1.11"]
  }

  description = <<-EOT
    Without `max_password_age` IAM user passwords never expire, so a password that leaked
    unnoticed stays valid for as long as the user exists. Expiring passwords after at most 90
    days bounds that window. Low: current guidance (NIST SP 800-63B) prefers MFA and change on
    compromise over periodic rotation, and later CIS AWS versions dropped the control; the rule
    is kept for accounts that must meet CIS AWS 1.2. Authentication settings for IAM users are
    the customer's responsibility under the shared responsibility model.
  EOT
  remediation = <<-EOT
    Set `max_password_age` to 90 days or fewer:

        resource "aws_iam_account_password_policy" "strict" {
          minimum_password_length = 14
          max_password_age        = 90
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
  ]

  assert {
    # Absent: passwords never expire.
    attribute "max_password_age" {
      gte = 1
      lte = 90
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {  # expect: aws-iam-password-policy-max-age
        minimum_password_length = 14
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {
        minimum_password_length = 14
        max_password_age        = 365  # expect: aws-iam-password-policy-max-age
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_iam_account_password_policy" "strict" {
        minimum_password_length = 14
        max_password_age        = 90
      }
    EOT
  }
}
