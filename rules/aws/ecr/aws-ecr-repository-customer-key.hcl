rule "aws-ecr-repository-customer-key" {
  title     = "ECR repository is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_ecr_repository"]
  aliases   = ["CKV_AWS_136", "AVD-AWS-0033", "aws-ecr-repository-customer-key"]

  description = <<-EOT
    ECR encrypts images with AES-256 keys it manages by default (`encryption_type = "AES256"`).
    With `KMS` and a customer-managed key, decrypting the layers also needs permission on a key
    policy the customer controls, the use of the key is logged in CloudTrail, and disabling the
    key cuts off access in an incident. Key management is the customer's choice under the shared
    responsibility model. Low: images are encrypted either way. The encryption type cannot be
    changed after the repository is created.
  EOT
  remediation = "Create the repository with `encryption_configuration { encryption_type = \"KMS\", kms_key = aws_kms_key.NAME.arn }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#encryption_configuration",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
  ]

  assert {
    attribute "encryption_configuration.encryption_type" {
      one_of  = ["KMS", "KMS_DSSE"]
      default = "AES256"
    }
    attribute "encryption_configuration.kms_key" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecr_repository" "app" {  # expect: aws-ecr-repository-customer-key
        name = "app"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecr_repository" "app" {
        name = "app"

        encryption_configuration {
          encryption_type = "KMS"
          kms_key         = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
        }
      }
    EOT
  }
}
