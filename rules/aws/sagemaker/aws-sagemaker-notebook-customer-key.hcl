rule "aws-sagemaker-notebook-customer-key" {
  title     = "SageMaker notebook instance storage is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_sagemaker_notebook_instance"]
  aliases   = ["CKV_AWS_22"]

  description = <<-EOT
    The ML storage volume of a notebook instance holds notebooks, downloaded data sets and model
    artefacts. Without `kms_key_id` it is encrypted with a key AWS manages, whose policy the
    customer cannot restrict or revoke; a customer-managed key lets the customer decide who may
    decrypt the volume and records every use. Which key protects the data is the customer's
    decision under the shared responsibility model. Severity is low: the data is encrypted; only
    control over the key is missing.
  EOT
  remediation = <<-EOT
    Create the notebook with a customer-managed key:

    ```hcl
    resource "aws_sagemaker_notebook_instance" "research" {
      # ...
      kms_key_id = aws_kms_key.notebooks.id
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#kms_key_id",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html",
  ]

  assert {
    attribute "kms_key_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sagemaker_notebook_instance" "research" {  # expect: aws-sagemaker-notebook-customer-key
        name          = "research"
        role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook"
        instance_type = "ml.t3.medium"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "notebooks" {
        description         = "SageMaker notebooks"
        enable_key_rotation = true
      }

      resource "aws_sagemaker_notebook_instance" "research" {
        name          = "research"
        role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook"
        instance_type = "ml.t3.medium"
        kms_key_id    = aws_kms_key.notebooks.id
      }
    EOT
  }
}
