rule "aws-ecr-image-scan-on-push" {
  title     = "ECR repository does not scan images on push"
  severity  = "low"
  area      = "application-workload"
  resources = ["aws_ecr_repository"]
  aliases   = ["CKV_AWS_163", "AVD-AWS-0030", "aws-ecr-enable-image-scans"]

  description = <<-EOT
    Scanning images when they are pushed reports known vulnerabilities in the operating system
    packages of the image before it is deployed. What runs inside a container image is the
    customer's responsibility under the shared responsibility model, including its patch level.
    `image_scanning_configuration.scan_on_push` defaults to `false`. AWS now recommends
    configuring scanning for the whole registry (`aws_ecr_registry_scanning_configuration`,
    which also offers continuous enhanced scanning with Amazon Inspector); a registry-level rule
    overrides this repository setting, and this rule cannot see it, so suppress the finding where
    registry scanning is in place.
  EOT
  remediation = "Add `image_scanning_configuration { scan_on_push = true }` to the repository, or configure `aws_ecr_registry_scanning_configuration` for the registry."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
  ]

  assert {
    attribute "image_scanning_configuration.scan_on_push" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecr_repository" "app" {  # expect: aws-ecr-image-scan-on-push
        name = "app"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecr_repository" "app" {
        name                 = "app"
        image_tag_mutability = "IMMUTABLE"

        image_scanning_configuration {
          scan_on_push = true
        }
      }
    EOT
  }
}
