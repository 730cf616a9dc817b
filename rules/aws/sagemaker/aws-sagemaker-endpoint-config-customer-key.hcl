rule "aws-sagemaker-endpoint-config-customer-key" {
  title     = "SageMaker endpoint configuration does not encrypt its storage with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_sagemaker_endpoint_configuration"]
  aliases   = ["CKV_AWS_98"]

  description = <<-EOT
    The ML storage volumes attached to the instances behind a SageMaker endpoint hold the model
    artifacts and may hold request data. Without `kms_key_arn` they are encrypted with a key AWS
    manages, whose use you cannot restrict with a key policy, audit separately or revoke; with a
    customer-managed key, disabling the key cuts off access to the data. The argument has no
    default. Choosing the key is the customer's side of the shared responsibility model. Low: the
    data is encrypted either way; this is about control over the key.
  EOT
  remediation = <<-EOT
    Name a customer-managed key:

        resource "aws_sagemaker_endpoint_configuration" "model" {
          name        = "model"
          kms_key_arn = aws_kms_key.ml.arn
          production_variants {
            variant_name           = "primary"
            model_name             = aws_sagemaker_model.model.name
            initial_instance_count = 1
            instance_type          = "ml.m5.large"
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_endpoint_configuration#kms_key_arn",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html",
  ]

  assert {
    attribute "kms_key_arn" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sagemaker_endpoint_configuration" "model" {  # expect: aws-sagemaker-endpoint-config-customer-key
        name = "model"
        production_variants {
          variant_name           = "primary"
          model_name             = "churn-model"
          initial_instance_count = 1
          instance_type          = "ml.m5.large"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "ml" {
        description         = "SageMaker endpoint storage"
        enable_key_rotation = true
      }
      resource "aws_sagemaker_endpoint_configuration" "model" {
        name        = "model"
        kms_key_arn = aws_kms_key.ml.arn
        production_variants {
          variant_name           = "primary"
          model_name             = "churn-model"
          initial_instance_count = 1
          instance_type          = "ml.m5.large"
        }
      }
    EOT
  }
}
