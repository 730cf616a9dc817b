rule "aws-kms-key-rotation" {
  title     = "Symmetric KMS key does not have automatic key rotation enabled"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_kms_key"]
  aliases   = ["CKV_AWS_7", "AVD-AWS-0065", "aws-kms-auto-rotate-keys"]
  compliance = {
    "cis-aws-1.4" = ["3.8"]
    "cis-aws-3.0" = ["3.6"]
  }

  description = <<-EOT
    Automatic rotation creates new cryptographic material for a customer-managed key every year
    (or every `rotation_period_in_days`), while keeping the old material to decrypt existing
    data. It limits how much data is protected by one piece of key material and is required by
    most compliance frameworks. AWS rotates the AWS managed keys itself, but customer-managed keys
    are rotated only when the customer enables it. `enable_key_rotation` defaults to `false`.
    Rotation is only possible for symmetric encryption keys, so asymmetric and HMAC keys
    (`customer_master_key_spec` other than `SYMMETRIC_DEFAULT`, or `key_usage` other than
    `ENCRYPT_DECRYPT`) and keys in a custom key store are not checked.
  EOT
  remediation = "Set `enable_key_rotation = true` on the `aws_kms_key` (optionally with `rotation_period_in_days` between 90 and 2560)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key",
    "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
  ]

  when {
    attribute "key_usage" {
      equals  = "ENCRYPT_DECRYPT"
      default = "ENCRYPT_DECRYPT"
    }
    attribute "customer_master_key_spec" {
      equals  = "SYMMETRIC_DEFAULT"
      default = "SYMMETRIC_DEFAULT"
    }
    # Keys in a custom key store (CloudHSM or external) cannot be rotated automatically.
    attribute "custom_key_store_id" {
      present = false
    }
  }

  assert {
    attribute "enable_key_rotation" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_kms_key" "data" {  # expect: aws-kms-key-rotation
        description = "Application data"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "data" {
        description             = "Application data"
        enable_key_rotation     = true
        rotation_period_in_days = 180
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # Asymmetric signing keys cannot be rotated automatically.
      resource "aws_kms_key" "signing" {
        description              = "Release signing"
        key_usage                = "SIGN_VERIFY"
        customer_master_key_spec = "ECC_NIST_P256"
      }
    EOT
  }
}
