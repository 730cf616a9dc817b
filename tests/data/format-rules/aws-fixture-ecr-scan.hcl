rule "aws-fixture-ecr-scan" {
  title       = "ECR repository does not scan images on push"
  severity    = "low"
  area        = "application-workload"
  resources   = ["aws_ecr_repository"]
  description = "A rule of the output format tests."
  remediation = "Add `image_scanning_configuration { scan_on_push = true }`."
  references  = ["https://example.com/rules/ecr-scan"]

  assert {
    attribute "image_scanning_configuration.scan_on_push" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = "resource \"aws_ecr_repository\" \"a\" {}"
  }

  example "good" {
    code = "resource \"aws_ecr_repository\" \"a\" {\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}"
  }
}
