rule "aws-ebs-volume-customer-key" {
  title     = "EBS volume is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_ebs_volume"]
  aliases   = ["CKV_AWS_189", "AVD-AWS-0027", "aws-ec2-volume-encryption-customer-key"]

  description = <<-EOT
    A volume encrypted with the AWS-managed `aws/ebs` key can be read by any principal of the
    account allowed to use EBS; the key policy cannot be narrowed, grants cannot be audited per
    workload, and the key cannot be disabled to cut off access in an incident. A customer-managed
    key (`kms_key_id`) puts decryption under a key policy the customer controls. Key management is
    the customer's choice under the shared responsibility model. Low: the data is encrypted
    either way; this is control over who can decrypt.
  EOT
  remediation = "Set `encrypted = true` and `kms_key_id` to the ARN of an `aws_kms_key` with rotation enabled and a key policy limited to the workload's roles."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume#kms_key_id",
    "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
  ]

  assert {
    attribute "kms_key_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ebs_volume" "data" {  # expect: aws-ebs-volume-customer-key
        availability_zone = "eu-west-1a"
        size              = 100
        encrypted         = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "ebs" {
        description         = "EBS volumes"
        enable_key_rotation = true
      }

      resource "aws_ebs_volume" "data" {
        availability_zone = "eu-west-1a"
        size              = 100
        encrypted         = true
        kms_key_id        = aws_kms_key.ebs.arn
      }
    EOT
  }
}
