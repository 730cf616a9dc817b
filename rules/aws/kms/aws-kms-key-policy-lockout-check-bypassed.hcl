rule "aws-kms-key-policy-lockout-check-bypassed" {
  title     = "KMS key skips the policy lockout safety check"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_kms_key", "aws_kms_key_policy"]

  description = <<-EOT
    Before accepting a key policy, KMS checks that the caller could still change it afterwards.
    `bypass_policy_lockout_safety_check = true` skips that check, so a policy typo can leave a key
    nobody can manage: only AWS Support can restore access, and until then data encrypted with
    the key cannot be decrypted. It defaults to `false`. Low: a safeguard against locking yourself
    out, not an exposure. Key policies are the customer's configuration under the shared
    responsibility model.
  EOT
  remediation = <<-EOT
    Remove `bypass_policy_lockout_safety_check` (or set it to `false`) and make sure the policy
    keeps an administrator, such as the account root:

        resource "aws_kms_key" "data" {
          description         = "Application data"
          enable_key_rotation = true
          policy              = data.aws_iam_policy_document.data_key.json
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key",
    "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#prevent-unmanageable-key",
  ]

  assert {
    attribute "bypass_policy_lockout_safety_check" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kms_key" "data" {
        description                        = "Application data"
        enable_key_rotation                = true
        bypass_policy_lockout_safety_check = true  # expect: aws-kms-key-policy-lockout-check-bypassed
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kms_key_policy" "data" {
        key_id                             = "1234abcd-12ab-34cd-56ef-1234567890ab"
        bypass_policy_lockout_safety_check = true  # expect: aws-kms-key-policy-lockout-check-bypassed
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "arn:aws:iam::111111111111:root" }
            Action    = "kms:*"
            Resource  = "*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "data" {
        description         = "Application data"
        enable_key_rotation = true
      }
    EOT
  }
}
