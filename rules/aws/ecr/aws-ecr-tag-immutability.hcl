rule "aws-ecr-tag-immutability" {
  title     = "ECR repository allows image tags to be overwritten"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_ecr_repository"]
  aliases   = ["CKV_AWS_51", "AVD-AWS-0031", "aws-ecr-enforce-immutable-repository"]

  description = <<-EOT
    With mutable tags, anyone who can push to the repository can replace the image behind
    `app:1.4.2` or `app:prod`; the next deployment, autoscaling event or node replacement then
    runs the replaced image, and what was reviewed and scanned is no longer what runs. Immutable
    tags make a tag refer to one image digest for good. The integrity of the images you deploy is
    the customer's responsibility under the shared responsibility model. `image_tag_mutability`
    defaults to `MUTABLE`; `IMMUTABLE_WITH_EXCLUSION` (immutable except for listed tag filters such
    as `latest`) is accepted.
  EOT
  remediation = "Set `image_tag_mutability = \"IMMUTABLE\"` (or `IMMUTABLE_WITH_EXCLUSION` with `image_tag_mutability_exclusion_filter` for moving tags such as `latest`) and deploy by version tag or digest."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
  ]

  assert {
    attribute "image_tag_mutability" {
      one_of  = ["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"]
      default = "MUTABLE"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecr_repository" "app" {  # expect: aws-ecr-tag-immutability
        name = "app"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecr_repository" "app" {
        name                 = "app"
        image_tag_mutability = "IMMUTABLE"
      }
    EOT
  }
}
